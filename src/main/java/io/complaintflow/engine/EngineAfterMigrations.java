package io.complaintflow.engine;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the process engine after Flyway has migrated the database and this node holds the {@link StartupLock}.
 * Flyway creates Camunda's tables ({@link CamundaSchemaMigration}) and ours under a database lock of its own, so
 * nodes starting together on an empty database wait for each other instead of racing to create the same tables;
 * the startup lock then lets one node at a time deploy the models and create the users, groups and queues.
 */
@Configuration
public class EngineAfterMigrations {
    static final String FLYWAY = "flywayInitializer";
    static final String STARTUP_LOCK = "startupLock";
    /** The Camunda starter's engine bean (a factory bean), or a plain one where an application defines it. */
    static final List<String> ENGINES = List.of("processEngineFactoryBean", "processEngine");

    @Bean
    static BeanFactoryPostProcessor processEngineAfterFlyway() {
        return EngineAfterMigrations::engineDependsOnFlyway;
    }

    private static void engineDependsOnFlyway(ConfigurableListableBeanFactory beanFactory) {
        String engine = ENGINES.stream().filter(beanFactory::containsBeanDefinition).findFirst().orElse(null);
        if (!beanFactory.containsBeanDefinition(FLYWAY) || engine == null) {
            return;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(engine);
        String[] before = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        String[] after = Arrays.copyOf(before, before.length + 2);
        after[before.length] = FLYWAY;
        after[before.length + 1] = STARTUP_LOCK;
        definition.setDependsOn(after);
    }
}
