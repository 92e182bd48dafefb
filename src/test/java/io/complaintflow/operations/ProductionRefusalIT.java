package io.complaintflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar, started with the prod profile and unsafe settings, refuses to start and says why. */
class ProductionRefusalIT {

    @Test
    void weakSettingsStopTheStartWithAMessageNamingEachOne() throws Exception {
        JarNode node = JarNode.start("refused", Map.of(
                "SPRING_PROFILES_ACTIVE", "prod",
                "COMPLAINTFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:9/complaintflow",
                "COMPLAINTFLOW_DB_PASSWORD", "",
                "COMPLAINTFLOW_ADMIN_USER", "admin",
                "COMPLAINTFLOW_ADMIN_PASSWORD", "admin2026"), List.of());
        assertThat(node.exitCode(Duration.ofMinutes(2))).isEqualTo(1);
        String output = node.output();
        assertThat(output).contains("APPLICATION FAILED TO START",
                "ComplaintFlow's prod profile refuses to start:\n  - COMPLAINTFLOW_DB_PASSWORD is empty\n"
                        + "  - COMPLAINTFLOW_ADMIN_PASSWORD is too weak for Camunda's password policy: not the user's id, name or "
                        + "e-mail address; at least 10 characters; at least 1 upper-case letter(s); at least 1 special character(s)",
                "Set the named environment variables (README \"Run in production\") and start again.");
        assertThat(output).as("no stack trace").doesNotContain("\tat org.springframework");
    }
}
