package io.complaintflow.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns failures of our REST API into clear JSON answers; never a stack trace. */
@RestControllerAdvice(basePackages = "io.complaintflow")
public class ApiErrors {

    public record FieldProblem(String field, String reason) {
    }

    public record Problem(int status, String error, String message, List<FieldProblem> fields) {
    }

    /**
     * Thrown by any capability for input the API refuses, naming each bad field. It is the engine's "bad user
     * request" too, so thrown inside an engine command it is logged at debug, not as an engine error.
     */
    public static class BadRequest extends BadUserRequestException {
        private final List<FieldProblem> fields;

        public BadRequest(List<FieldProblem> fields) {
            super(fields.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; ")));
            this.fields = fields;
        }

        public static BadRequest of(String field, String reason) {
            return new BadRequest(List.of(new FieldProblem(field, reason)));
        }

        public List<FieldProblem> fields() {
            return fields;
        }
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Problem> badRequest(BadRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException || cause instanceof java.io.CharConversionException) {
                return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                        List.of(new FieldProblem("body", "is not one valid JSON object in UTF-8")));
            }
        }
        if (e.getCause() instanceof InvalidFormatException format) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    List.of(new FieldProblem(path(format), "has the wrong type: " + format.getValue())));
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    List.of(new FieldProblem(path(unknown), "is not a field of this request")));
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    List.of(new FieldProblem(path(mapping), "has the wrong type")));
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new FieldProblem("body", "is not one valid JSON object in UTF-8")));
    }

    /** Thrown by any capability for a record that does not exist; the answer does not say which. */
    public static class NotFound extends RuntimeException {
        public NotFound(String what) {
            super(what);
        }
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Problem> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Problem> conflict(DataIntegrityViolationException e) {
        return problem(HttpStatus.CONFLICT, "This was submitted already", List.of());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    public static ResponseEntity<Problem> problem(HttpStatus status, String error, List<FieldProblem> fields) {
        String message = fields.isEmpty() ? error
                : fields.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; "));
        return ResponseEntity.status(status).body(new Problem(status.value(), error, message, fields));
    }
}
