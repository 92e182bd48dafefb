package io.complaintflow.notification;

import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.SystemAccess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the complaint that the message it waits for has gone out. A complaint that has moved on meanwhile
 * (escalated, withdrawn) no longer waits, and nothing happens.
 */
@Component("reportCustomerMessageSent")
public class ReportCustomerMessageSentDelegate implements JavaDelegate {
    private final RuntimeService runtimeService;

    public ReportCustomerMessageSentDelegate(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String complaintProcess = Vars.text(execution, CustomerMessageQueue.COMPLAINT_PROCESS);
        SystemAccess.call(() -> runtimeService.createMessageCorrelation(SendCustomerMessageDelegate.MESSAGE_SENT)
                .processInstanceId(complaintProcess)
                .correlateAllWithResult());
    }
}
