package io.complaintflow.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of one lifecycle version to another with Camunda's migration API (Cockpit's migration
 * screen is Enterprise-only): the plan maps every activity by its id (also into a stage added around it), is
 * validated, can be tried in a transaction that is rolled back (dry run), and then runs as a batch that Cockpit shows
 * under Batches.
 */
@Service
public class LifecycleMigration {
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TransactionTemplate rolledBack;

    public LifecycleMigration(RepositoryService repositoryService, RuntimeService runtimeService,
                              ManagementService managementService, PlatformTransactionManager transactions) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record Waiting(String activityId, long instances) {
    }

    public record InstanceProblem(String processInstanceId, List<String> failures) {
    }

    /**
     * What a migration moves: instances waiting per activity, the activities of the old version that have no
     * counterpart (their instances cannot move), the plan's and the instances' validation failures, and the batch.
     */
    public record Report(String processDefinitionKey, int fromVersion, int toVersion, long instances, List<Waiting> moving,
                         Set<String> cannotMove, List<String> planProblems, List<InstanceProblem> instanceProblems,
                         boolean dryRun, String batchId) {
        public boolean valid() {
            return cannotMove.isEmpty() && planProblems.isEmpty() && instanceProblems.isEmpty();
        }
    }

    /** A version in the request that cannot be used, by the request field that names it. */
    public static class UnknownVersionException extends RuntimeException {
        private final String field;

        UnknownVersionException(String field, String reason) {
            super(reason);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Report migrate(String key, int fromVersion, Integer toVersion, boolean dryRun) {
        ProcessDefinition from = version("fromVersion", key, fromVersion);
        ProcessDefinition to = toVersion == null
                ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                : version("toVersion", key, toVersion);
        if (from.getId().equals(to.getId())) {
            throw new UnknownVersionException("toVersion", "must differ from fromVersion (" + fromVersion + "): deploy the new version first");
        }
        List<ActivityStatistics> waiting = managementService.createActivityStatisticsQuery(from.getId()).list();
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionId(from.getId()).count();
        MigrationPlan plan;
        try {
            plan = plan(from, to);
        } catch (MigrationPlanValidationException invalid) {
            List<String> problems = invalid.getValidationReport().getInstructionReports().stream()
                    .flatMap(r -> r.getFailures().stream().map(f -> r.getMigrationInstruction().getSourceActivityId() + ": " + f))
                    .toList();
            return new Report(key, from.getVersion(), to.getVersion(), instances, moving(waiting, Set.of()), Set.of(), problems,
                    List.of(), true, null);
        }
        Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
        Set<String> cannotMove = waiting.stream().map(ActivityStatistics::getId).filter(id -> !mapped.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        List<InstanceProblem> instanceProblems = cannotMove.isEmpty() && instances > 0 ? tryOut(plan, from) : List.of();
        Report report = new Report(key, from.getVersion(), to.getVersion(), instances, moving(waiting, cannotMove), cannotMove,
                List.of(), instanceProblems, dryRun, null);
        if (dryRun || !report.valid() || instances == 0) {
            return report;
        }
        Batch batch = runtimeService.newMigration(plan).processInstanceQuery(instancesOf(from)).executeAsync();
        return new Report(key, from.getVersion(), to.getVersion(), instances, report.moving(), cannotMove, List.of(), List.of(),
                false, batch.getId());
    }

    /**
     * Every activity by its id: Camunda's mapEqualActivities covers those that stayed in the same sub-process; an
     * activity that an owner moved into another sub-process (a stage added around it) is mapped by its id as well,
     * the engine creating the new sub-process around it. Only activities that can wait are mapped.
     */
    private MigrationPlan plan(ProcessDefinition from, ProcessDefinition to) {
        Set<String> equal = runtimeService.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build()
                .getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
        BpmnModelInstance target = repositoryService.getBpmnModelInstance(to.getId());
        var builder = runtimeService.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities();
        for (FlowNode node : repositoryService.getBpmnModelInstance(from.getId()).getModelElementsByType(FlowNode.class)) {
            ModelElementInstance counterpart = target.getModelElementById(node.getId());
            if (!equal.contains(node.getId()) && canWait(node) && counterpart != null
                    && counterpart.getElementType().equals(node.getElementType())) {
                builder.mapActivities(node.getId(), node.getId());
            }
        }
        return builder.build();
    }

    private static boolean canWait(FlowNode node) {
        boolean async = "true".equals(node.getAttributeValueNs(CAMUNDA, "asyncBefore"))
                || "true".equals(node.getAttributeValueNs(CAMUNDA, "asyncAfter"));
        return async || node instanceof UserTask || node instanceof ReceiveTask || node instanceof IntermediateCatchEvent
                || node instanceof BoundaryEvent || node instanceof EventBasedGateway || node instanceof CallActivity
                || node instanceof SubProcess;
    }

    /** Migrates every instance in a transaction that is then rolled back: the engine's own checks, nothing changed. */
    private List<InstanceProblem> tryOut(MigrationPlan plan, ProcessDefinition from) {
        List<InstanceProblem> problems = new ArrayList<>();
        rolledBack.executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            try {
                runtimeService.newMigration(plan).processInstanceQuery(instancesOf(from)).execute();
            } catch (MigratingProcessInstanceValidationException invalid) {
                var report = invalid.getValidationReport();
                List<String> failures = new ArrayList<>(report.getFailures());
                report.getActivityInstanceReports().forEach(r -> r.getFailures()
                        .forEach(f -> failures.add(r.getSourceScopeId() + ": " + f)));
                report.getTransitionInstanceReports().forEach(r -> r.getFailures()
                        .forEach(f -> failures.add(r.getSourceScopeId() + ": " + f)));
                problems.add(new InstanceProblem(report.getProcessInstanceId(), failures));
            }
        });
        return problems;
    }

    private ProcessInstanceQuery instancesOf(ProcessDefinition definition) {
        return runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId());
    }

    private static List<Waiting> moving(List<ActivityStatistics> waiting, Set<String> cannotMove) {
        return waiting.stream().filter(a -> !cannotMove.contains(a.getId()))
                .map(a -> new Waiting(a.getId(), a.getInstances())).sorted(java.util.Comparator.comparing(Waiting::activityId)).toList();
    }

    private ProcessDefinition version(String field, String key, int version) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new UnknownVersionException(field, "must be a deployed version of " + key + "; " + version + " is not");
        }
        return definition;
    }
}
