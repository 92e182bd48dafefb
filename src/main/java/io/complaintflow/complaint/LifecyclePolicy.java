package io.complaintflow.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's waiting times, read by the BPMN as {@code ${lifecyclePolicy.…}}.
 * Set them under {@code complaintflow.lifecycle} (see README).
 */
@Component("lifecyclePolicy")
@ConfigurationProperties("complaintflow.lifecycle")
public class LifecyclePolicy {
    /** How long we wait for the customer's answer to an information request (ISO-8601). */
    private String informationTimeout = "P7D";
    /** How long we watch whether a fix holds before asking for the customer's opinion. */
    private String observationPeriod = "P3D";
    /** How long the survey stays open. */
    private String surveyTimeout = "P14D";

    public String getInformationTimeout() {
        return informationTimeout;
    }

    public void setInformationTimeout(String informationTimeout) {
        this.informationTimeout = informationTimeout;
    }

    public String getObservationPeriod() {
        return observationPeriod;
    }

    public void setObservationPeriod(String observationPeriod) {
        this.observationPeriod = observationPeriod;
    }

    public String getSurveyTimeout() {
        return surveyTimeout;
    }

    public void setSurveyTimeout(String surveyTimeout) {
        this.surveyTimeout = surveyTimeout;
    }
}
