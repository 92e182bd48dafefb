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
