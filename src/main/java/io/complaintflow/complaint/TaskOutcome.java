package io.complaintflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Records what an agent decided in one kind of user task: in our tables, on the timeline. */
public interface TaskOutcome {
    /** The BPMN id of the user task this records, e.g. ConfirmComplaint. */
    String taskKey();

    void record(DelegateTask task, long complaintId, String actor);
}
