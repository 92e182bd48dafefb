package io.complaintflow.security;

import io.complaintflow.engine.PreCommandInterceptors;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Closes the side doors of Camunda's REST API (/engine-rest and the webapps' own API, which run the same commands)
 * at the engine, whatever path a request takes. Authorizations say which task or definition a person may touch;
 * this says what they may send with it. For every command a logged-in person starts (not the lifecycle's own
 * steps, which run inside it, nor our services, which run without a login):
 * <ul>
 * <li>a process is started from its start form only: no business key (ComplaintFlow gives the ticket number),
 * no variable the start form does not have (so no complaintId of an existing complaint), and only administrators
 * may start it at a chosen activity, or modify or restart instances;</li>
 * <li>a task takes only the variables its form lets its user edit; values sent for the form's read-only fields
 * are dropped (an administrator's too), anything else is refused; task-local variables are for administrators;</li>
 * <li>a command naming a task that does not exist gets a 4xx, not an engine error.</li>
 * </ul>
 */
@Component
public class EngineCommandGuard extends AbstractProcessEnginePlugin {
    private static final Set<String> ADMIN_ONLY_COMMANDS = Set.of(
            "ProcessInstanceModificationCmd", "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd",
            "ProcessInstanceModificationBatchCmd", "RestartProcessInstancesCmd", "RestartProcessInstancesBatchCmd");

    private final List<StartFormCheck> startFormChecks;
    private ProcessEngineConfigurationImpl configuration;

    public EngineCommandGuard(List<StartFormCheck> startFormChecks) {
        this.startFormChecks = startFormChecks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        PreCommandInterceptors.add(configuration, Guard::new);
    }

    private final class Guard extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() == null && !(command instanceof FormLookup.Trusted)) {
                Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
                if (caller != null && caller.getUserId() != null) {
                    check(command, caller);
                }
            }
            return next.execute(command);
        }
    }

    private void check(Command<?> command, Authentication caller) {
        boolean admin = caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.ADMINS);
        if (ADMIN_ONLY_COMMANDS.contains(command.getClass().getSimpleName()) && !admin) {
            throw new AuthorizationException("Only administrators may modify or restart process instances");
        }
        FormLookup forms = new FormLookup(configuration);
        if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
            ProcessInstantiationBuilderImpl start = CommandFields.read(command, "instantiationBuilder");
            boolean atActivity = command instanceof StartProcessInstanceAtActivitiesCmd;
            if (atActivity && !admin) {
                throw new AuthorizationException("Only administrators may start a process at a chosen activity");
            }
            checkStart(start.getBusinessKey(), start.getVariables(),
                    forms.startForm(start.getProcessDefinitionId(), start.getProcessDefinitionKey()));
        } else if (command instanceof SubmitStartFormCmd) {
            checkStart(CommandFields.read(command, "businessKey"), CommandFields.read(command, "variables"),
                    forms.startForm(CommandFields.read(command, "processDefinitionId"), null));
        } else if (command instanceof CompleteTaskCmd) {
            CommandFields.replace(command, "variables", formInput(forms, CommandFields.read(command, "taskId"),
                    CommandFields.read(command, "variables"), admin));
        } else if (command instanceof SubmitTaskFormCmd) {
            CommandFields.replace(command, "properties", formInput(forms, CommandFields.read(command, "taskId"),
                    CommandFields.read(command, "properties"), admin));
        } else if (command instanceof SetTaskVariablesCmd || command instanceof PatchTaskVariablesCmd) {
            String taskId = CommandFields.read(command, "entityId");
            boolean local = CommandFields.read(command, "isLocal");
            CommandFields.replace(command, "variables",
                    taskInput(forms, taskId, CommandFields.read(command, "variables"), local, admin));
            if (command instanceof AbstractPatchVariablesCmd) {
                removals(forms, taskId, CommandFields.read(command, "deletions"), local, admin);
            }
        } else if (command instanceof RemoveTaskVariablesCmd) {
            removals(forms, CommandFields.read(command, "entityId"), CommandFields.read(command, "variableNames"),
                    CommandFields.read(command, "isLocal"), admin);
        } else if (command instanceof DeleteTaskCmd) {
            String taskId = CommandFields.read(command, "taskId");
            if (taskId != null && forms.task(taskId).getProcessInstanceId() != null) {
                throw new BadUserRequestException("Task " + taskId + " belongs to a running complaint and cannot be deleted");
            }
        } else if (CommandFields.has(command, "taskId") && CommandFields.read(command, "taskId") instanceof String taskId) {
            forms.task(taskId);
        }
    }

    private void checkStart(String businessKey, Map<String, Object> variables, FormLookup.StartForm start) {
        FormContract startForm = start.form();
        if (businessKey != null && !businessKey.isBlank()) {
            throw refused("businessKey", "ComplaintFlow gives every complaint its own ticket number; leave it out");
        }
        if (variables != null) {
            for (String name : variables.keySet()) {
                if (!startForm.editable().contains(name)) {
                    throw notAField(name, startForm);
                }
                refuseJavaSerialized(name, variables);
            }
        }
        for (StartFormCheck check : startFormChecks) {
            if (check.processKey().equals(start.processKey())) {
                check.check(variables == null ? Map.of() : variables);
            }
        }
    }

    /**
     * A completed form: as {@link #taskInput}, except that an administrator may send more than the form, but never
     * its read-only fields, which show the complaint in words (e.g. "L1 · 一线") and must not overwrite the routing
     * values of the same name.
     */
    private static Map<String, Object> formInput(FormLookup forms, String taskId, Map<String, Object> variables, boolean admin) {
        if (!admin || variables == null || variables.isEmpty()) {
            return taskInput(forms, taskId, variables, false, admin);
        }
        Set<String> shown = forms.formOf(taskId).readOnly();
        VariableMap kept = Variables.createVariables();
        variables.keySet().stream().filter(name -> !shown.contains(name)).forEach(name -> kept.putValueTyped(name, typed(variables, name)));
        return kept;
    }

    /** The variables to store: the form's editable fields; read-only ones are dropped; anything else refused. */
    private static Map<String, Object> taskInput(FormLookup forms, String taskId, Map<String, Object> variables,
                                                 boolean local, boolean admin) {
        if (variables == null || variables.isEmpty() || admin) {
            forms.task(taskId);
            return variables;
        }
        FormContract form = forms.formOf(taskId);
        if (local) {
            throw refused("variables", "task-local variables are set by ComplaintFlow only; send the form's fields");
        }
        VariableMap kept = Variables.createVariables();
        for (String name : variables.keySet()) {
            if (form.editable().contains(name)) {
                refuseJavaSerialized(name, variables);
                kept.putValueTyped(name, typed(variables, name));
            } else if (!form.readOnly().contains(name)) {
                throw notAField(name, form);
            }
        }
        return kept;
    }

    private static TypedValue typed(Map<String, Object> variables, String name) {
        return variables instanceof VariableMap typed ? typed.getValueTyped(name) : Variables.untypedValue(variables.get(name));
    }

    private static void removals(FormLookup forms, String taskId, Collection<String> names, boolean local, boolean admin) {
        if (names == null || names.isEmpty() || admin) {
            forms.task(taskId);
            return;
        }
        FormContract form = forms.formOf(taskId);
        if (local) {
            throw refused("variables", "task-local variables are set by ComplaintFlow only");
        }
        names.stream().filter(name -> !form.editable().contains(name)).findFirst().ifPresent(name -> {
            throw notAField(name, form);
        });
    }

    private static FormFieldValidationException notAField(String name, FormContract form) {
        return refused(name, "not a field of the form " + form.formName() + " (fields: " + String.join(", ", form.editable()) + ")");
    }

    /**
     * Refusals of what a caller sent are form validation errors: Camunda's REST API answers them with 400 when a
     * form is submitted or a task completed, and {@code EngineRestErrors} does so for a plain process start.
     */
    static FormFieldValidationException refused(String field, String reason) {
        return new FormFieldValidationException(field, field + ": " + reason);
    }

    private static void refuseJavaSerialized(String name, Map<String, Object> variables) {
        TypedValue value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : null;
        if (value instanceof SerializableValue serializable
                && Variables.SerializationDataFormats.JAVA.getName().equals(serializable.getSerializationDataFormat())) {
            throw refused(name, "Java-serialized values are not accepted; send JSON or text");
        }
    }
}
