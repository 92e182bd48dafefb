package io.complaintflow.notification;

import org.camunda.bpm.engine.RuntimeService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts a "supervisor-alerts" instance, which mails the digest in a retried job of its own, whenever alerts wait
 * and no digest is under way. A digest stuck on a mail-server outage shows as an incident in Cockpit while the
 * alerts keep waiting; its retry mails all of them. With several nodes, one node at a time checks and starts
 * (ShedLock), so two nodes never start a digest for the same alerts.
 */
@Component
public class SupervisorDigests {
    static final String PROCESS = "supervisor-alerts";

    private final SupervisorAlerts alerts;
    private final RuntimeService runtimeService;

    public SupervisorDigests(SupervisorAlerts alerts, RuntimeService runtimeService) {
        this.alerts = alerts;
        this.runtimeService = runtimeService;
    }

    @Scheduled(initialDelayString = "#{@notificationProperties.supervisorDigestEvery}",
            fixedDelayString = "#{@notificationProperties.supervisorDigestEvery}")
    @SchedulerLock(name = "supervisor-digest", lockAtMostFor = "PT30S")
    public void everyInterval() {
        startIfAlertsWait();
    }

    /** Returns whether it started a digest. */
    public boolean startIfAlertsWait() {
        if (!alerts.anyWaiting() || runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count() > 0) {
            return false;
        }
        runtimeService.startProcessInstanceByKey(PROCESS);
        return true;
    }
}
