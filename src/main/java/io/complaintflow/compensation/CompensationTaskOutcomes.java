package io.complaintflow.compensation;

import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.TaskOutcome;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class CompensationTaskOutcomes {

    @Bean
    TaskOutcome approveCompensationOutcome(ComplaintRepository complaints, Timeline timeline) {
        return new TaskOutcome() {
            public String taskKey() {
                return "ApproveCompensation";
            }

            public void record(DelegateTask task, long id, String actor) {
                boolean approved = Vars.flag(task, "compensationApproved");
                BigDecimal amount = CompensationAmounts.of(task.getVariable("compensationAmount"));
                String kind = Vars.text(task, "compensationKind");
                complaints.recordCompensation(id, kind, amount, approved ? "APPROVED" : "DECLINED");
                timeline.record(id, actor, approved ? EventKind.COMPENSATION_APPROVED : EventKind.COMPENSATION_DECLINED,
                        kind + " " + amount.toPlainString()
                                + (Vars.text(task, "compensationNote") == null ? "" : ": " + Vars.text(task, "compensationNote")));
                task.getExecution().setVariable("compensationApproved", approved);
                task.getExecution().setVariable("compensationAmount", amount.doubleValue());
                task.getExecution().removeVariable("compensationNote");
            }
        };
    }
}
