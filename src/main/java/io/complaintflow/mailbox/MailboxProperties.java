package io.complaintflow.mailbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The feedback mailbox ({@code complaintflow.mailbox.*}); polling is off unless {@code enabled} is true. */
@ConfigurationProperties("complaintflow.mailbox")
public class MailboxProperties {
    private boolean enabled = false;
    /** {@code imap} or {@code imaps}. */
    private String protocol = "imap";
    private String host = "localhost";
    private int port = 143;
    private String username;
    private String password;
    private String inbox = "INBOX";
    private String processedFolder = "Processed";
    private String quarantineFolder = "Quarantine";
    private Duration pollInterval = Duration.ofMinutes(1);
    /** Larger mails (body and attachments) go to quarantine. */
    private int maxMessageBytes = 5 * 1024 * 1024;
    /** Longer text bodies go to quarantine (the complaint description holds 20,000 characters). */
    private int maxBodyChars = 20_000;
    /** Our own sending addresses: a mail from one of them is a loop. */
    private List<String> ownAddresses = new ArrayList<>(List.of("complaints@complaintflow.local"));

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getInbox() { return inbox; }
    public void setInbox(String inbox) { this.inbox = inbox; }
    public String getProcessedFolder() { return processedFolder; }
    public void setProcessedFolder(String processedFolder) { this.processedFolder = processedFolder; }
    public String getQuarantineFolder() { return quarantineFolder; }
    public void setQuarantineFolder(String quarantineFolder) { this.quarantineFolder = quarantineFolder; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public int getMaxMessageBytes() { return maxMessageBytes; }
    public void setMaxMessageBytes(int maxMessageBytes) { this.maxMessageBytes = maxMessageBytes; }
    public int getMaxBodyChars() { return maxBodyChars; }
    public void setMaxBodyChars(int maxBodyChars) { this.maxBodyChars = maxBodyChars; }
    public List<String> getOwnAddresses() { return ownAddresses; }
    public void setOwnAddresses(List<String> ownAddresses) { this.ownAddresses = ownAddresses; }
}
