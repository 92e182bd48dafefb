package io.complaintflow.incident;

import io.complaintflow.engine.SystemAccess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Where a complaint's process stands, as far as an incident needs to know: running, and waiting for a message. */
@Service
public class ComplaintProcesses {
    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    public ComplaintProcesses(JdbcTemplate jdbc, RuntimeService runtimeService, ManagementService managementService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** The complaint's process instance id (null before intake attached one). */
    public String of(long complaintId) {
        return jdbc.queryForObject("SELECT process_instance_id FROM complaint WHERE id = ?", String.class, complaintId);
    }

    public boolean running(String process) {
        return process != null && SystemAccess.call(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(process).count()) > 0;
    }

    /** Whether the process has a step queued to run now: it is between two waits. */
    public boolean onItsWay(String process) {
        return process != null && SystemAccess.call(() -> managementService.createJobQuery().processInstanceId(process)
                .messages().count()) > 0;
    }

    /** Whether the process has a subscription for the message now, whatever the caller may see. */
    public boolean waitsFor(String process, String message) {
        return process != null && SystemAccess.call(() -> runtimeService.createEventSubscriptionQuery()
                .processInstanceId(process).eventType("message").eventName(message).count()) > 0;
    }
}
