package io.complaintflow.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The prod profile starts only when it is safe (README "Run in production"): no demo profile, a first
 * administrator from the environment with a password Camunda's password policy accepts, a database password,
 * PostgreSQL, and no user left with a demo or example password. The settings are checked before any bean is
 * made; the users once the engine is up.
 */
@Configuration
@Profile("prod")
public class ProductionSafety {
    static final String REFUSED_PASSWORDS = "complaintflow.production.refused-passwords";
    private static final Map<String, String> RULE_TEXT = Map.of(
            "PASSWORD_POLICY_LENGTH", "at least %s characters",
            "PASSWORD_POLICY_LOWERCASE", "at least %s lower-case letter(s)",
            "PASSWORD_POLICY_UPPERCASE", "at least %s upper-case letter(s)",
            "PASSWORD_POLICY_DIGIT", "at least %s digit(s)",
            "PASSWORD_POLICY_SPECIAL", "at least %s special character(s)",
            "PASSWORD_POLICY_USER_DATA", "not the user's id, name or e-mail address");

    @Bean
    static BeanFactoryPostProcessor productionSettingsCheck(Environment environment) {
        return beanFactory -> {
            List<String> problems = settingsProblems(environment);
            if (!problems.isEmpty()) {
                throw new UnsafeProductionSettings(problems);
            }
        };
    }

    static List<String> settingsProblems(Environment env) {
        List<String> problems = new ArrayList<>();
        if (env.acceptsProfiles(Profiles.of("demo"))) {
            problems.add("the demo profile (demo users, built-in mail catcher) is active: use SPRING_PROFILES_ACTIVE=prod alone");
        }
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            problems.add("COMPLAINTFLOW_DB_URL must name a PostgreSQL database (jdbc:postgresql://host:5432/name), not " + url);
        }
        String databasePassword = env.getProperty("spring.datasource.password", "");
        if (databasePassword.isBlank()) {
            problems.add("COMPLAINTFLOW_DB_PASSWORD is empty");
        } else if (refusedPasswords(env).contains(databasePassword)) {
            problems.add("COMPLAINTFLOW_DB_PASSWORD is a demo or example password");
        }
        String adminId = env.getProperty("camunda.bpm.admin-user.id", "");
        if (adminId.isBlank()) {
            problems.add("COMPLAINTFLOW_ADMIN_USER is missing: the first administrator's user id");
        }
        String adminPassword = env.getProperty("camunda.bpm.admin-user.password", "");
        if (adminPassword.isBlank()) {
            problems.add("COMPLAINTFLOW_ADMIN_PASSWORD is missing");
        } else if (refusedPasswords(env).contains(adminPassword)) {
            problems.add("COMPLAINTFLOW_ADMIN_PASSWORD is a demo or example password");
        } else {
            List<String> unmet = unmetRules(adminPassword, adminId);
            if (!unmet.isEmpty()) {
                problems.add("COMPLAINTFLOW_ADMIN_PASSWORD is too weak for Camunda's password policy: " + String.join("; ", unmet));
            }
        }
        return problems;
    }

    static Set<String> refusedPasswords(Environment env) {
        return Set.copyOf(Arrays.asList(env.getProperty(REFUSED_PASSWORDS, String[].class, new String[] {"demo"})));
    }

    /** Camunda's own password policy (the one its webapps enforce with enablePasswordPolicy). */
    static List<String> unmetRules(String password, String userId) {
        // as Camunda's admin-user configuration will save it (application-prod.yaml), so its user-data rule sees the same
        UserEntity user = new UserEntity(userId);
        user.setFirstName("ComplaintFlow");
        user.setLastName("Administrator");
        user.setEmail(userId + "@localhost");
        List<String> unmet = new ArrayList<>();
        for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
            if (!rule.execute(password, user)) {
                String parameter = rule.getParameters() == null || rule.getParameters().isEmpty() ? ""
                        : rule.getParameters().values().iterator().next();
                unmet.add(RULE_TEXT.getOrDefault(rule.getPlaceholder(), rule.getPlaceholder() + " %s").formatted(parameter).trim());
            }
        }
        return unmet;
    }

    /** Users made while the demo profile ran, or given an example password, keep a password anyone can read. */
    @Bean
    SmartInitializingSingleton noUserWithADemoPassword(ProcessEngine engine, Environment environment) {
        return () -> {
            IdentityService identity = engine.getIdentityService();
            var passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
            Set<String> refused = refusedPasswords(environment);
            List<String> exposed = new ArrayList<>();
            for (User user : identity.createUserQuery().list()) {
                UserEntity entity = (UserEntity) user;
                boolean demo = entity.getPassword() != null && refused.stream().anyMatch(candidate ->
                        passwords.check(EncryptionUtil.saltPassword(candidate, entity.getSalt()), entity.getPassword()));
                if (demo) {
                    exposed.add(user.getId());
                }
            }
            if (!exposed.isEmpty()) {
                exposed.sort(null);
                throw new UnsafeProductionSettings(List.of("these users still have a demo or example password: "
                        + String.join(", ", exposed) + " (change them in Camunda Admin, or delete them)"));
            }
        };
    }
}
