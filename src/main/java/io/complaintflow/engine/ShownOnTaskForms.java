package io.complaintflow.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds the {@link TaskFormValues} to a task's form variables, the engine command behind Tasklist's form (through
 * the webapps' API and /engine-rest alike). The engine has checked that the caller may read the task's variables
 * before any value is added; a caller asking for some names gets only those.
 */
@Component
public class ShownOnTaskForms extends AbstractProcessEnginePlugin {
    private final ObjectProvider<TaskFormValues> values;

    public ShownOnTaskForms(ObjectProvider<TaskFormValues> values) {
        this.values = values;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        PreCommandInterceptors.add(configuration, () -> new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                if (!(command instanceof GetTaskFormVariablesCmd form)) {
                    return next.execute(command);
                }
                Collection<String> wanted = form.formVariableNames;
                Set<String> alsoRead = new HashSet<>();
                if (wanted != null) {
                    values.orderedStream().forEach(source -> alsoRead.addAll(source.reads()));
                    alsoRead.removeAll(wanted);
                    Set<String> names = new HashSet<>(wanted);
                    names.addAll(alsoRead);
                    form.formVariableNames = names;
                }
                T result = next.execute(command);
                if (result instanceof VariableMap variables) {
                    addValues(variables, wanted);
                    alsoRead.forEach(variables::remove);
                }
                return result;
            }
        });
    }

    private void addValues(VariableMap variables, Collection<String> wanted) {
        values.orderedStream().forEach(source -> source.of(variables).forEach((name, value) -> {
            if (wanted == null || wanted.contains(name)) {
                variables.putValueTyped(name, Variables.stringValue(value));
            }
        }));
    }
}
