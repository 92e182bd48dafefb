package io.complaintflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

@Component
@ConfigurationProperties("complaintflow.notification")
public class NotificationProperties {
    /** The sender of every customer message. */
    private String from = "ComplaintFlow <complaints@complaintflow.local>";
    /** Where customers reach the portal pages (survey, replies); links in mails start with it. */
    private String publicBaseUrl = "http://localhost:8080";
    /** The language of staff notices: en or zh-CN. */
    private String staffLanguage = "en";
    /** How often waiting supervisors' alerts (breaches, escalations, hand-overs) are mailed as one digest. */
    private java.time.Duration supervisorDigestEvery = java.time.Duration.ofSeconds(15);
    /** How many alerts a digest shows in detail, oldest first; the rest are counted. */
    private int digestListedAlerts = 50;

    public java.time.Duration getSupervisorDigestEvery() {
        return supervisorDigestEvery;
    }

    public void setSupervisorDigestEvery(java.time.Duration supervisorDigestEvery) {
        this.supervisorDigestEvery = supervisorDigestEvery;
    }

    public int getDigestListedAlerts() {
        return digestListedAlerts;
    }

    public void setDigestListedAlerts(int digestListedAlerts) {
        this.digestListedAlerts = digestListedAlerts;
    }

    public String getStaffLanguage() {
        return staffLanguage;
    }

    public void setStaffLanguage(String staffLanguage) {
        this.staffLanguage = staffLanguage;
    }

    /** Tasklist as staff reach it; notices link to the open task there. */
    private String tasklistUrl = "http://localhost:8080/camunda/app/tasklist/default/";

    public String getTasklistUrl() {
        return tasklistUrl;
    }

    public void setTasklistUrl(String tasklistUrl) {
        this.tasklistUrl = tasklistUrl;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }
}
