package io.complaintflow.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.security.Groups;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A Cockpit plugin resource for the readers of reports only (managers, supervisors, process owners, admins: the
 * Cockpit session's groups), answering JSON with the application's own mapper.
 */
public abstract class ReportReadersResource extends AbstractCockpitPluginResource {
    protected ReportReadersResource(String engineName) {
        super(engineName);
    }

    /** Null when the session may read; else the 403 to answer, saying who may. */
    protected Response refusedUnlessReader(ObjectMapper json, String what) {
        Authentication user = getCurrentAuthentication();
        boolean reader = user != null && user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(Groups.REPORT_READERS::contains);
        return reader ? null : json(json, Response.Status.FORBIDDEN,
                Map.of("message", "Only managers, supervisors, process owners and admins read " + what));
    }

    protected static Response json(ObjectMapper json, Response.Status status, Object body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(json.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
