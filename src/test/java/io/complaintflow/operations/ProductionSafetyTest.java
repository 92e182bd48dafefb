package io.complaintflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintflow.ComplaintFlowTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile names every unsafe setting before it starts anything. */
class ProductionSafetyTest extends ComplaintFlowTestBase {
    static final String STRONG = "Ops-Console-2026!";

    private static MockEnvironment production() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/complaintflow")
                .withProperty("spring.datasource.password", "Db-Pass-2026!")
                .withProperty("camunda.bpm.admin-user.id", "opsadmin")
                .withProperty("camunda.bpm.admin-user.password", STRONG)
                .withProperty(ProductionSafety.REFUSED_PASSWORDS, "demo,change-me-Str0ng!pass");
        env.setActiveProfiles("prod");
        return env;
    }

    @Test
    void safeSettingsPass() {
        assertThat(ProductionSafety.settingsProblems(production())).isEmpty();
    }

    @Test
    void everyUnsafeSettingIsNamed() {
        MockEnvironment env = production()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/complaintflow")
                .withProperty("spring.datasource.password", "")
                .withProperty("camunda.bpm.admin-user.id", "");
        env.setActiveProfiles("prod", "demo");
        assertThat(ProductionSafety.settingsProblems(env)).containsExactly(
                "the demo profile (demo users, built-in mail catcher) is active: use SPRING_PROFILES_ACTIVE=prod alone",
                "COMPLAINTFLOW_DB_URL must name a PostgreSQL database (jdbc:postgresql://host:5432/name), not jdbc:h2:file:./data/complaintflow",
                "COMPLAINTFLOW_DB_PASSWORD is empty",
                "COMPLAINTFLOW_ADMIN_USER is missing: the first administrator's user id");
    }

    @Test
    void theAdminPasswordMustBeThereStrongAndNotAnExample() {
        assertThat(ProductionSafety.settingsProblems(production().withProperty("camunda.bpm.admin-user.password", "")))
                .containsExactly("COMPLAINTFLOW_ADMIN_PASSWORD is missing");
        assertThat(ProductionSafety.settingsProblems(production().withProperty("camunda.bpm.admin-user.password", "change-me-Str0ng!pass")
                .withProperty("spring.datasource.password", "demo"))).containsExactly(
                "COMPLAINTFLOW_DB_PASSWORD is a demo or example password", "COMPLAINTFLOW_ADMIN_PASSWORD is a demo or example password");
        assertThat(ProductionSafety.settingsProblems(production().withProperty("camunda.bpm.admin-user.password", "opsadmin1")))
                .containsExactly("COMPLAINTFLOW_ADMIN_PASSWORD is too weak for Camunda's password policy: "
                        + "not the user's id, name or e-mail address; at least 10 characters; at least 1 upper-case letter(s); "
                        + "at least 1 special character(s)");
        assertThat(ProductionSafety.unmetRules("ALLUPPERCASE-2026", "opsadmin")).containsExactly("at least 1 lower-case letter(s)");
        assertThat(ProductionSafety.unmetRules("ComplaintFlow-2026!x", "opsadmin")).as("the administrator's own name")
                .containsExactly("not the user's id, name or e-mail address");
        assertThat(ProductionSafety.unmetRules("No-digits-here!", "opsadmin")).containsExactly("at least 1 digit(s)");
    }

    @Test
    void usersLeftWithTheDemoPasswordStopTheStart() {
        assertThatThrownBy(() -> new ProductionSafety().noUserWithADemoPassword(engine, production()).afterSingletonsInstantiated())
                .isInstanceOfSatisfying(UnsafeProductionSettings.class, refused -> assertThat(refused.problems()).containsExactly(
                        "these users still have a demo or example password: agent1, agent2, agent3, demo, manager, owner, product, "
                                + "supervisor (change them in Camunda Admin, or delete them)"));
        assertThat(List.of(new UnsafeProductionSettingsAnalyzer().analyze(new UnsafeProductionSettings(List.of("X is empty")))
                .getDescription())).containsExactly("ComplaintFlow's prod profile refuses to start:\n  - X is empty");
    }
}
