package io.complaintflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The bad fields of one request found so far, each reason (messages*.properties) in the caller's language. */
public final class Problems {
    private final List<ApiErrors.FieldProblem> found = new ArrayList<>();
    private final MessageSource messages;
    private final Locale language;

    public Problems(MessageSource messages, Locale language) {
        this.messages = messages;
        this.language = language;
    }

    /** A problem with this field; {@code values} fill the reason's placeholders as they are (no number format). */
    public Problems add(String field, String reasonKey, String... values) {
        found.add(new ApiErrors.FieldProblem(field, messages.getMessage(reasonKey, values, language)));
        return this;
    }

    /** Refuses the request (400, every field named) when anything was found. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ApiErrors.BadRequest(List.copyOf(found));
        }
    }
}
