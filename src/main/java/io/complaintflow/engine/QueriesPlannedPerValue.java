package io.complaintflow.engine;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, a query someone asks for (a queue, a filter's count, any engine query through the REST API or the
 * webapps) is planned for its own values: `SET LOCAL plan_cache_mode = force_custom_plan` in a transaction of its own.
 * After ten runs of a statement on one connection PostgreSQL may keep a generic plan, planned without the values; for
 * Tasklist's queue count that plan compares every task with every permission (minutes at 75,000 open tasks,
 * bench/README.md). Writes keep the default: with custom plans forced for the whole connection, PostgreSQL planned
 * each foreign-key check of every insert and delete again, two to four times the cost of the engine's writes.
 */
@Component
public class QueriesPlannedPerValue extends AbstractProcessEnginePlugin {
    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final ObjectProvider<JdbcTemplate> jdbc;
    private ProcessEngineConfigurationImpl configuration;

    public QueriesPlannedPerValue(ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<JdbcTemplate> jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        PreCommandInterceptors.add(configuration, () -> new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (!plannedPerValue(command)) {
                    return next.execute(command);
                }
                return new TransactionTemplate(transactions.getObject()).execute(status -> {
                    jdbc.getObject().execute("SET LOCAL plan_cache_mode = force_custom_plan");
                    return next.execute(command);
                });
            }
        });
    }

    /** A query asked for on its own: not a step inside another command, nor part of a transaction that writes. */
    boolean plannedPerValue(Command<?> command) {
        return (command instanceof AbstractQuery || command instanceof ExecuteFilterCountCmd
                || command instanceof ExecuteFilterListCmd || command instanceof ExecuteFilterListPageCmd)
                && Context.getCommandContext() == null && !TransactionSynchronizationManager.isActualTransactionActive()
                && "postgres".equals(configuration.getDatabaseType());
    }
}
