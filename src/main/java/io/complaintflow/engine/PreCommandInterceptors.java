package io.complaintflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Puts an interceptor in front of every engine command, in both of Camunda's chains (commands that join a transaction
 * and those that need a new one), after those added before it. Each chain gets an instance of its own: an interceptor
 * is linked to the next one in its chain.
 */
public final class PreCommandInterceptors {
    private PreCommandInterceptors() {
    }

    public static void add(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> interceptor) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                with(configuration.getCustomPreCommandInterceptorsTxRequired(), interceptor.get()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), interceptor.get()));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(added);
        return interceptors;
    }
}
