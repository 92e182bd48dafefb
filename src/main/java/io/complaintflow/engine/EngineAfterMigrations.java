package io.complaintflow.engine;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates and starts the process engine only while this node holds the {@link StartupLock}: Flyway creates
 * Camunda's tables ({@link CamundaSchemaMigration}) and ours, then the engine deploys the models and creates the
 * users, groups and queues, one node at a time. Flyway's own database lock is not enough for nodes starting together
 * on an empty database: one creates the schema history table while the other finds it "already exists, and is
 * empty" and refuses to baseline (TwoNodesIT met it once in many runs).
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
        dependsAlsoOn(beanFactory.getBeanDefinition(FLYWAY), STARTUP_LOCK);
        dependsAlsoOn(beanFactory.getBeanDefinition(engine), FLYWAY, STARTUP_LOCK);
    }

    private static void dependsAlsoOn(BeanDefinition definition, String... beans) {
        String[] before = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        String[] after = Arrays.copyOf(before, before.length + beans.length);
        System.arraycopy(beans, 0, after, before.length, beans.length);
        definition.setDependsOn(after);
    }
}
