package io.complaintflow.complaint;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs our Flyway migrations after the process engine has created or updated Camunda's tables, so a
 * migration may add what Camunda's schema lacks (indexes, planner statistics) on a fresh database too.
 */
@Configuration
public class MigrationsAfterEngine {
    static final String FLYWAY = "flywayInitializer";
    /** The Camunda starter's engine bean (a factory bean), or a plain one where an application defines it. */
    static final java.util.List<String> ENGINES = java.util.List.of("processEngineFactoryBean", "processEngine");

    @Bean
    static BeanFactoryPostProcessor flywayAfterProcessEngine() {
        return beanFactory -> dependOnEngine(beanFactory);
    }

    private static void dependOnEngine(ConfigurableListableBeanFactory beanFactory) {
        String engine = ENGINES.stream().filter(beanFactory::containsBeanDefinition).findFirst().orElse(null);
        if (!beanFactory.containsBeanDefinition(FLYWAY) || engine == null) {
            return;
        }
        BeanDefinition flyway = beanFactory.getBeanDefinition(FLYWAY);
        String[] before = flyway.getDependsOn() == null ? new String[0] : flyway.getDependsOn();
        String[] after = java.util.Arrays.copyOf(before, before.length + 1);
        after[before.length] = engine;
        flyway.setDependsOn(after);
    }
}
