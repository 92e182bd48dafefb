package io.complaintflow.intake;

import io.complaintflow.security.StartFormCheck;
import io.complaintflow.web.ApiErrors;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The Tasklist start form (complaint-intake.form): an agent types in a phone complaint. Its fields go through the
 * same validation as POST /api/complaints, before the process starts, with the refusal naming the form's fields.
 */
@Component
public class ComplaintStartForm implements StartFormCheck {
    static final List<String> FIELDS = List.of("channel", "declaredType", "category", "subject", "description",
            "locale", "customerName", "customerEmail", "customerPhone", "segment");
    /** The start form's key for each field the validator names. */
    private static final Map<String, String> FORM_FIELD_OF = Map.of("type", "declaredType", "customer",
            "customerName", "customer.name", "customerName", "customer.email", "customerEmail", "customer.phone",
            "customerPhone", "customer.segment", "segment");

    private final SubmissionValidator validator;

    public ComplaintStartForm(SubmissionValidator validator) {
        this.validator = validator;
    }

    @Override
    public String processKey() {
        return IntakeService.PROCESS_KEY;
    }

    @Override
    public void check(Map<String, Object> variables) {
        validate(name -> variables.get(name) == null ? null : variables.get(name).toString());
    }

    SubmissionValidator.Valid validate(Function<String, String> field) {
        ComplaintSubmission submission = new ComplaintSubmission(field.apply("channel"), field.apply("declaredType"),
                field.apply("category"), field.apply("subject"), field.apply("description"), field.apply("locale"),
                new ComplaintSubmission.Customer(field.apply("customerName"), field.apply("customerEmail"),
                        field.apply("customerPhone"), field.apply("segment")));
        try {
            return validator.validate(submission);
        } catch (ApiErrors.BadRequest refused) {
            List<ApiErrors.FieldProblem> problems = refused.fields().stream()
                    .map(p -> new ApiErrors.FieldProblem(FORM_FIELD_OF.getOrDefault(p.field(), p.field()), p.reason()))
                    .toList();
            throw new FormFieldValidationException(problems, problems.stream().map(p -> p.field() + " " + p.reason())
                    .collect(Collectors.joining("; ")));
        }
    }
}
