package io.complaintflow.resolution;

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

/** Decide, approve and implement: the steps of resolving a complaint at its tier. */
@Configuration
public class ResolutionTaskOutcomes {

    @Bean
    TaskOutcome decideSolutionOutcome(ComplaintRepository complaints, Timeline timeline) {
        return new TaskOutcome() {
            public String taskKey() {
                return "DecideSolution";
            }

            public void record(DelegateTask task, long id, String actor) {
                String solution = required(task, "solution");
                String rootCause = required(task, "rootCause");
                boolean approvalNeeded = Vars.flag(task, "approvalNeeded");
                complaints.recordSolution(id, solution, rootCause);
                complaints.reachMilestone(id, Milestone.SOLUTION_DECIDED, EngineClock.now());
                timeline.record(id, actor, EventKind.SOLUTION_DECIDED,
                        solution + (approvalNeeded ? " (needs supervisor approval)" : ""));
                task.getExecution().setVariable("approvalNeeded", approvalNeeded);
                task.getExecution().removeVariables(List.of("solution", "rootCause"));
            }
        };
    }

    @Bean
    TaskOutcome approveSolutionOutcome(Timeline timeline) {
        return new TaskOutcome() {
            public String taskKey() {
                return "ApproveSolution";
            }

            public void record(DelegateTask task, long id, String actor) {
                boolean approved = Vars.flag(task, "solutionApproved");
                timeline.record(id, actor, approved ? EventKind.SOLUTION_APPROVED : EventKind.SOLUTION_SENT_BACK,
                        Vars.text(task, "approvalNote"));
                task.getExecution().setVariable("solutionApproved", approved);
                task.getExecution().removeVariable("approvalNote");
            }
        };
    }

    @Bean
    TaskOutcome implementSolutionOutcome(ComplaintRepository complaints, Timeline timeline) {
        return new TaskOutcome() {
            public String taskKey() {
                return "ImplementSolution";
            }

            public void record(DelegateTask task, long id, String actor) {
                String implementation = required(task, "implementation");
                String note = Vars.text(task, "implementationNote");
                switch (implementation) {
                    case "resolved" -> {
                        complaints.reachMilestone(id, Milestone.IMPLEMENTED, EngineClock.now());
                        timeline.record(id, actor, EventKind.IMPLEMENTED, note);
                    }
                    case "cannotResolveAtThisTier" -> timeline.record(id, actor, EventKind.CANNOT_RESOLVE, note);
                    default -> throw new BadUserRequestException(
                            "implementation must be resolved or cannotResolveAtThisTier");
                }
                task.getExecution().removeVariable("implementationNote");
            }
        };
    }
}
