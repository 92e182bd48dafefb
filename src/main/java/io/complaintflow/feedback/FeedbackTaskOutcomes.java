package io.complaintflow.feedback;

import org.camunda.bpm.engine.BadUserRequestException;
import static io.complaintflow.complaint.ComplaintTaskOutcomes.required;

import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.engine.EngineClock;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Milestone;
import io.complaintflow.complaint.TaskOutcome;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Product owners' evaluation of suggestions, and supervisors' review of unhappy customers. */
@Configuration
public class FeedbackTaskOutcomes {

    @Bean
    TaskOutcome evaluateFeedbackOutcome(ComplaintRepository complaints, Timeline timeline) {
        return new TaskOutcome() {
            public String taskKey() {
                return "EvaluateFeedback";
            }

            public void record(DelegateTask task, long id, String actor) {
                String evaluation = required(task, "evaluation");
                if (!List.of("accepted", "planned", "declined").contains(evaluation)) {
                    throw new BadUserRequestException("evaluation must be accepted, planned or declined");
                }
                // for suggestions and requirements the evaluation is the first answer a person gives
                complaints.reachMilestone(id, Milestone.FIRST_RESPONSE, EngineClock.now());
                timeline.record(id, actor, EventKind.EVALUATED, required(task, "evaluationNote"));
                task.getExecution().removeVariable("evaluationNote");
            }
        };
    }

    @Bean
    TaskOutcome reviewReopenOutcome(Timeline timeline) {
        return new TaskOutcome() {
            public String taskKey() {
                return "ReviewReopen";
            }

            public void record(DelegateTask task, long id, String actor) {
                boolean reopen = Vars.flag(task, "reopen");
                timeline.record(id, actor, EventKind.REOPEN_REVIEWED,
                        (reopen ? "reopen" : "close") + ": " + Vars.text(task, "reviewNote"));
                task.getExecution().setVariable("reopen", reopen);
                task.getExecution().removeVariable("reviewNote");
            }
        };
    }
}
