package io.complaintflow.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Some of /engine-rest's resources (e.g. POST .../start) turn every engine exception into a 500, even a refusal
 * of what the caller sent. Those refusals ({@link BadUserRequestException}, a form's validation) are answered 400
 * here, with Camunda's own error body; everything else as Camunda answers it.
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(CallerInputRefused.class);
    }

    @Priority(1)
    public static class CallerInputRefused implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
            boolean callersInput = e.getCause() instanceof BadUserRequestException || e.getCause() instanceof FormException;
            if (camunda.getStatus(e).getStatusCode() >= 500 && callersInput) {
                // the caller's mistake: no stack trace in the log (Camunda logs its 4xx at debug too)
                return Response.status(Response.Status.BAD_REQUEST).entity(camunda.fromException(e))
                        .type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            return camunda.getResponse(e);
        }
    }
}
