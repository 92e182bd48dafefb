package io.complaintflow.reporting;

import io.complaintflow.web.ApiErrors;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The dashboard's figures for one month, for the readers of reports only; anyone else with Cockpit access gets 403.
 * Jersey creates this resource, so the Spring beans come from {@link KpiDashboard#instance()}.
 */
public class KpiDashboardResource extends ReportReadersResource {
    public KpiDashboardResource(String engineName) {
        super(engineName);
    }

    @GET
    public Response get(@QueryParam("month") String month, @QueryParam("type") String type,
                        @QueryParam("priority") String priority, @QueryParam("channel") String channel) {
        KpiDashboard dashboard = KpiDashboard.instance();
        Response refused = refusedUnlessReader(dashboard.json(), "the KPIs");
        if (refused != null) {
            return refused;
        }
        try {
            return json(dashboard.json(), Response.Status.OK, dashboard.of(month, type, priority, channel));
        } catch (ApiErrors.BadRequest bad) {
            return json(dashboard.json(), Response.Status.BAD_REQUEST, Map.of("message", bad.getMessage()));
        }
    }
}
