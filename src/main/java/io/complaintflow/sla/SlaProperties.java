package io.complaintflow.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

@Component
@ConfigurationProperties("complaintflow.sla")
public class SlaProperties {
    /** Tasklist priority an open task gets once its SLA is breached (Camunda's default is 50). */
    private int breachedTaskPriority = 90;

    public int getBreachedTaskPriority() {
        return breachedTaskPriority;
    }

    public void setBreachedTaskPriority(int breachedTaskPriority) {
        this.breachedTaskPriority = breachedTaskPriority;
    }
}
