package io.complaintflow.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The dashboard's figures for one month, for managers, supervisors, process owners and admins only (the Cockpit
 * session's groups); anyone else with Cockpit access gets 403. Jersey creates this resource, so the Spring beans come
 * from {@link KpiDashboard#instance()}.
 */
public class KpiDashboardResource extends AbstractCockpitPluginResource {
    static final List<String> READERS = List.of("managers", "supervisors", "process-owners", "camunda-admin");

    public KpiDashboardResource(String engineName) {
        super(engineName);
    }

    @GET
    public Response get(@QueryParam("month") String month, @QueryParam("type") String type,
                        @QueryParam("priority") String priority, @QueryParam("channel") String channel) {
        Authentication user = getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(READERS::contains)) {
            return json(Response.Status.FORBIDDEN, Map.of("message", "Only managers, supervisors, process owners and admins read the KPIs"));
        }
        try {
            return json(Response.Status.OK, KpiDashboard.instance().of(month, type, priority, channel));
        } catch (io.complaintflow.web.ApiErrors.BadRequest refused) {
            return json(Response.Status.BAD_REQUEST, Map.of("message", refused.getMessage()));
        }
    }

    private static Response json(Response.Status status, Object body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(KpiDashboard.instance().json().writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
