package io.complaintflow.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the contract's groups, what each may do, and a Tasklist queue per group, in every profile.
 * Runs at each start and only adds what is missing, so changes made in Admin are kept.
 */
@Component
@Order(1)
public class IdentitySetup implements ApplicationRunner {
    static final String PROCESS = "complaint-handling";
    /** Supervisors declare mass incidents in Tasklist (the process's start form). */
    static final String INCIDENT_PROCESS = "mass-incident";

    /**
     * Tasklist shows a filter's name as it is, in every language, so a queue is named in both (like the tasks);
     * {@code englishName} is what it was called before, and is renamed in place.
     */
    private record Queue(String englishName, String chineseName, String group, int priority) {
        String name() {
            return englishName + " · " + chineseName;
        }
    }

    private static final List<Queue> QUEUES = List.of(
            new Queue("L1 queue", "一线队列", Groups.L1, 1), new Queue("L2 queue", "二线队列", Groups.L2, 2),
            new Queue("L3 queue", "三线队列", Groups.L3, 3), new Queue("Supervisors queue", "主管队列", Groups.SUPERVISORS, 4),
            new Queue("Product owners queue", "产品负责人队列", Groups.PRODUCT_OWNERS, 5));

    private static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.L1, "L1 agents (front line)", Groups.L2, "L2 agents (technical experts)",
            Groups.L3, "L3 (architects)", Groups.SUPERVISORS, "Supervisors", Groups.PROCESS_OWNERS, "Process owners",
            Groups.PRODUCT_OWNERS, "Product owners", Groups.MANAGERS, "Managers");

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    public IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                         TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUP_NAMES.forEach(this::ensureGroup);
        for (String taskWorker : List.of(Groups.L1, Groups.L2, Groups.L3, Groups.SUPERVISORS, Groups.PRODUCT_OWNERS)) {
            grant(taskWorker, Resources.APPLICATION, "tasklist", ACCESS);
            grant(taskWorker, Resources.PROCESS_DEFINITION, PROCESS, READ, CREATE_INSTANCE);
            grant(taskWorker, Resources.PROCESS_INSTANCE, "*", CREATE);
        }
        for (String watcher : List.of(Groups.SUPERVISORS, Groups.MANAGERS)) {
            grant(watcher, Resources.APPLICATION, "cockpit", ACCESS);
            grant(watcher, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY);
            grant(watcher, Resources.PROCESS_INSTANCE, "*", READ);
            grant(watcher, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY);
            grant(watcher, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
            grant(watcher, Resources.DEPLOYMENT, "*", READ);
            grant(watcher, Resources.TASK, "*", READ);
        }
        grant(Groups.SUPERVISORS, Resources.PROCESS_DEFINITION, INCIDENT_PROCESS, READ, CREATE_INSTANCE);
        grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", ACCESS);
        // BATCH: the migrations they start (README "Moving running complaints to a new version") show in Cockpit
        for (Resource model : List.of(Resources.DEPLOYMENT, Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
                Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.TASK, Resources.BATCH)) {
            grant(Groups.PROCESS_OWNERS, model, "*", ALL);
        }
        QUEUES.forEach(this::ensureQueue);
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }

    private void ensureQueue(Queue queue) {
        Filter filter = filters.createTaskFilterQuery().filterName(queue.name()).singleResult();
        if (filter == null) {
            Filter earlier = filters.createTaskFilterQuery().filterName(queue.englishName()).singleResult();
            filter = filters.saveFilter(earlier != null ? renamed(earlier, queue) : created(queue));
        }
        grant(queue.group(), Resources.FILTER, filter.getId(), READ);
    }

    /** A queue named before the queues spoke Chinese: keeps its id, grants and whatever else was set on it. */
    private static Filter renamed(Filter earlier, Queue queue) {
        Map<String, Object> properties = new HashMap<>(earlier.getProperties());
        properties.putAll(shown(queue));
        return earlier.setName(queue.name()).setProperties(properties);
    }

    private Filter created(Queue queue) {
        Map<String, Object> properties = new HashMap<>(shown(queue));
        properties.put("priority", queue.priority());
        properties.put("refresh", true);
        return filters.newTaskFilter(queue.name()).setProperties(properties)
                .setQuery(tasks.createTaskQuery().taskCandidateGroup(queue.group()).includeAssignedTasks().orderByDueDate().asc());
    }

    /** The queue's tooltip and the labels of its cards' values, in both languages. */
    private static Map<String, Object> shown(Queue queue) {
        return Map.of(
                "description", "Open tasks of " + GROUP_NAMES.get(queue.group()) + ", earliest due first · "
                        + queue.chineseName() + "的待办任务，最早到期的在前",
                "variables", List.of(
                        Map.of("name", "ticketNumber", "label", "Ticket · 工单号"),
                        Map.of("name", "priority", "label", "Priority · 优先级"),
                        Map.of("name", "tier", "label", "Tier · 级别")));
    }
}
