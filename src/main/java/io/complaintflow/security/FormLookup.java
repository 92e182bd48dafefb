package io.complaintflow.security;

import java.io.InputStream;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/** Looks up a task or process definition and its form as the engine itself would, whoever is logged in. */
final class FormLookup {
    /** Commands of the guard's own, which it lets pass. */
    interface Trusted {
    }

    private final ProcessEngineConfigurationImpl configuration;

    FormLookup(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** The task alone (no form read); a task that does not exist is a 4xx for the caller. */
    TaskEntity task(String taskId) {
        return run(context -> existing(context, taskId));
    }

    /** The task's form; a task that does not exist is a 4xx for the caller. */
    FormContract formOf(String taskId) {
        return run(context -> {
            existing(context, taskId);
            FormData form = new GetTaskFormCmd(taskId).execute(context);
            return contract(form, () -> new GetDeployedTaskFormCmd(taskId).execute(context));
        });
    }

    private static TaskEntity existing(CommandContext context, String taskId) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            throw new NotFoundException("There is no task " + taskId);
        }
        return task;
    }

    record StartForm(String processKey, FormContract form) {
    }

    StartForm startForm(String definitionId, String definitionKey) {
        return run(context -> {
            ProcessDefinitionEntity definition = definitionId != null
                    ? context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId)
                    : context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(definitionKey);
            FormData form = new GetStartFormCmd(definition.getId()).execute(context);
            return new StartForm(definition.getKey(),
                    contract(form, () -> new GetDeployedStartFormCmd(definition.getId()).execute(context)));
        });
    }

    private static FormContract contract(FormData form, java.util.function.Supplier<InputStream> deployed) {
        if (form == null) {
            return FormContract.NONE;
        }
        boolean camundaForm = form.getCamundaFormRef() != null
                || (form.getFormKey() != null && form.getFormKey().startsWith("camunda-forms:"));
        if (camundaForm) {
            return FormContract.of(form, deployed.get());
        }
        return form.getFormFields() == null || form.getFormFields().isEmpty() ? FormContract.NONE : FormContract.of(form, null);
    }

    private <T> T run(java.util.function.Function<CommandContext, T> lookup) {
        return configuration.getCommandExecutorTxRequired().execute(new Lookup<>(lookup));
    }

    private record Lookup<T>(java.util.function.Function<CommandContext, T> lookup) implements Command<T>, Trusted {
        @Override
        public T execute(CommandContext context) {
            context.disableAuthorizationCheck();
            return lookup.apply(context);
        }
    }
}
