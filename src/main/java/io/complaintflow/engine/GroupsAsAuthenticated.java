package io.complaintflow.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before each permission check Camunda drops the caller's groups that hold no permission at all, and to know which
 * groups hold one it reads {@code SELECT DISTINCT GROUP_ID_} over the whole permission table, once per command. Every
 * open task holds a permission row of its candidate group, so at 100,000 open tasks that read took 56 ms, several
 * times per Tasklist request (bench/README.md). The checks give the same answer with the groups as authenticated: a
 * group without permissions matches no permission row. Our users are in one or two groups, so the lists stay short.
 */
@Component
public class GroupsAsAuthenticated extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new Permissions();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's permission checks, with the caller's groups taken as they are. */
    static class Permissions extends AuthorizationManager {
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>()
                    : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
