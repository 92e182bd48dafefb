package io.complaintflow.complaint;

import io.complaintflow.engine.EngineClock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The confirm step and the incident-review step belong to the complaint itself. */
@Configuration
public class ComplaintTaskOutcomes {

    @Bean
    TaskOutcome confirmComplaintOutcome(ComplaintRepository complaints, Timeline timeline) {
        return confirmation("ConfirmComplaint", complaints, timeline);
    }

    /** The same decision again, once the customer has answered an information request. */
    @Bean
    TaskOutcome reviewInformationOutcome(ComplaintRepository complaints, Timeline timeline) {
        return confirmation("ReviewInformation", complaints, timeline);
    }

    private static TaskOutcome confirmation(String taskKey, ComplaintRepository complaints, Timeline timeline) {
        return new TaskOutcome() {
            public String taskKey() {
                return taskKey;
            }

            public void record(DelegateTask task, long id, String actor) {
                String confirmation = Vars.text(task, "confirmation");
                String note = Vars.text(task, "confirmationNote");
                var now = EngineClock.now();
                complaints.reachMilestone(id, Milestone.FIRST_RESPONSE, now);
                switch (confirmation == null ? "" : confirmation) {
                    case "confirmed" -> {
                        complaints.reachMilestone(id, Milestone.CONFIRMED, now);
                        complaints.updateStatus(id, ComplaintStatus.IN_PROGRESS);
                        timeline.record(id, actor, EventKind.CONFIRMED, note);
                    }
                    case "notAProblem" -> timeline.record(id, actor, EventKind.NOT_A_PROBLEM,
                            required(task, "explanation"));
                    case "duplicate" -> required(task, "duplicateOf");
                    case "needsInformation" -> {
                        complaints.updateStatus(id, ComplaintStatus.WAITING_FOR_CUSTOMER);
                        timeline.record(id, actor, EventKind.INFORMATION_REQUESTED, required(task, "informationRequest"));
                    }
                    default -> throw new BadUserRequestException(
                            "confirmation must be confirmed, notAProblem, duplicate or needsInformation");
                }
                task.getExecution().removeVariables(java.util.List.of("explanation", "informationRequest", "confirmationNote"));
            }
        };
    }

    @Bean
    TaskOutcome incidentReviewOutcome(IncidentReviews reviews, Timeline timeline) {
        return new TaskOutcome() {
            public String taskKey() {
                return "WriteIncidentReview";
            }

            public void record(DelegateTask task, long id, String actor) {
                reviews.save(id, new IncidentReviews.Review(required(task, "rootCauseCategory"), required(task, "severity"),
                        required(task, "impactScope"), required(task, "cause"), required(task, "preventiveActions")), actor);
                timeline.record(id, actor, EventKind.INCIDENT_REVIEW_WRITTEN, Vars.text(task, "rootCauseCategory"));
                task.getExecution().removeVariables(java.util.List.of("impactScope", "cause", "preventiveActions"));
            }
        };
    }

    /** A decision the form marks as required; a missing one is refused so the task stays open. */
    public static String required(DelegateTask task, String name) {
        String value = Vars.text(task, name);
        if (value == null || value.isEmpty()) {
            throw new BadUserRequestException(name + " is required");
        }
        return value;
    }
}
