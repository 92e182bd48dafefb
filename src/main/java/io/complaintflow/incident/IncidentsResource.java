package io.complaintflow.incident;

import io.complaintflow.reporting.ReportReadersResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The latest incidents and one with its fix, review and complaints, for the readers of reports only; anyone else
 * with Cockpit access gets 403. Jersey creates this resource, so the Spring beans come from
 * {@link IncidentViews#instance()}.
 */
public class IncidentsResource extends ReportReadersResource {
    public IncidentsResource(String engineName) {
        super(engineName);
    }

    @GET
    public Response latest() {
        IncidentViews views = IncidentViews.instance();
        Response refused = refusedUnlessReader(views.json(), "incidents");
        return refused != null ? refused : json(views.json(), Response.Status.OK, views.latest());
    }

    @GET
    @Path("{number}")
    public Response one(@PathParam("number") String number) {
        IncidentViews views = IncidentViews.instance();
        Response refused = refusedUnlessReader(views.json(), "incidents");
        if (refused != null) {
            return refused;
        }
        return views.one(number).map(detail -> json(views.json(), Response.Status.OK, detail))
                .orElseGet(() -> json(views.json(), Response.Status.NOT_FOUND, Map.of("message", "There is no incident " + number)));
    }
}
