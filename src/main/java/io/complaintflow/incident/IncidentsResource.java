package io.complaintflow.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.complaintflow.security.Groups;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The latest incidents and one with its fix, review and complaints, for managers, supervisors, process owners and
 * admins (the Cockpit session's groups); anyone else with Cockpit access gets 403. Jersey creates this resource, so
 * the Spring beans come from {@link IncidentViews#instance()}.
 */
public class IncidentsResource extends AbstractCockpitPluginResource {
    public IncidentsResource(String engineName) {
        super(engineName);
    }

    @GET
    public Response latest() {
        return readable() ? json(Response.Status.OK, IncidentViews.instance().latest()) : refused();
    }

    @GET
    @Path("{number}")
    public Response one(@PathParam("number") String number) {
        if (!readable()) {
            return refused();
        }
        return IncidentViews.instance().one(number).map(detail -> json(Response.Status.OK, detail))
                .orElseGet(() -> json(Response.Status.NOT_FOUND, Map.of("message", "There is no incident " + number)));
    }

    private boolean readable() {
        Authentication user = getCurrentAuthentication();
        return user != null && user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(Groups.REPORT_READERS::contains);
    }

    private static Response refused() {
        return json(Response.Status.FORBIDDEN, Map.of("message", "Only managers, supervisors, process owners and admins read incidents"));
    }

    private static Response json(Response.Status status, Object body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(IncidentViews.instance().json().writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
