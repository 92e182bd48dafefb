package io.complaintflow.notification;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This database's installation id (Camunda's, made once per schema): part of every Message-ID, so a staging copy
 * or a fresh database that numbers its tickets from 1 again never sends a Message-ID a mailbox has seen before
 * (mail services drop such a mail as a duplicate).
 */
@Component
public class MailInstallation {
    private final JdbcTemplate jdbc;
    private volatile String id;

    public MailInstallation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String id() {
        if (id == null) {
            List<String> ids = jdbc.queryForList("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'camunda.installation.id'",
                    String.class);
            id = ids.isEmpty() ? "" : ids.get(0);
        }
        return id;
    }
}
