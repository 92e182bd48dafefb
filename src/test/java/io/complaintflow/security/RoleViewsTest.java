package io.complaintflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import io.complaintflow.complaint.Complaint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role sees exactly its share: which tasks (with the customer data on them), queues, running and finished
 * complaints and decision tables its members see in Tasklist and Cockpit, which tasks they may work, which
 * webapps they may open, and what our API answers them. A grant widened or narrowed by hand turns this red.
 */
class RoleViewsTest extends ComplaintFlowTestBase {
    @Autowired IdentityService identity;
    @LocalServerPort int port;

    private Complaint atL1;
    private Complaint atL2;
    private Complaint atL3;
    private Complaint atSupervisors;
    private Complaint atProductOwners;

    private record Role(String user, String group, Set<String> tasks, List<String> queues, boolean watches,
                        Set<String> apps, boolean readsReports) {
    }

    @BeforeEach
    void oneOpenTaskInEveryQueue() {
        atL1 = submit("problem", "usage", "standard");
        atL2 = submit("problem", "performance", "standard");
        atL3 = submit("problem", "performance", "standard");
        atSupervisors = submit("problem", "usage", "standard");
        atProductOwners = submit("suggestion", "feature", "standard");
        executeDueJobs();
        complete(atL3, "ConfirmComplaint", "agent2", Map.of("confirmation", "confirmed"));
        complete(atL3, "DecideSolution", "agent2", Map.of("solution", "tune", "rootCause", "load", "approvalNeeded", false));
        complete(atL3, "ImplementSolution", "agent2", Map.of("implementation", "cannotResolveAtThisTier"));
        complete(atSupervisors, "ConfirmComplaint", "agent1", Map.of("confirmation", "confirmed"));
        complete(atSupervisors, "DecideSolution", "agent1", Map.of("solution", "refund", "rootCause", "bug", "approvalNeeded", true));
    }

    private Set<String> all() {
        return Set.of(open(atL1, "ConfirmComplaint"), open(atL2, "ConfirmComplaint"), open(atL3, "DecideSolution"),
                open(atSupervisors, "ApproveSolution"), open(atProductOwners, "EvaluateFeedback"));
    }

    private static String open(Complaint c, String taskKey) {
        return c.ticketNumber() + "/" + taskKey;
    }

    private List<Role> roles() {
        Set<String> tasklist = Set.of("tasklist");
        return List.of(
                new Role("agent1", Groups.L1, Set.of(open(atL1, "ConfirmComplaint")), List.of("L1 queue · 一线队列"), false, tasklist, false),
                new Role("agent2", Groups.L2, Set.of(open(atL2, "ConfirmComplaint")), List.of("L2 queue · 二线队列"), false, tasklist, false),
                new Role("agent3", Groups.L3, Set.of(open(atL3, "DecideSolution")), List.of("L3 queue · 三线队列"), false, tasklist, false),
                new Role("product", Groups.PRODUCT_OWNERS, Set.of(open(atProductOwners, "EvaluateFeedback")),
                        List.of("Product owners queue · 产品负责人队列"), false, tasklist, false),
                new Role("supervisor", Groups.SUPERVISORS, all(), List.of("Supervisors queue · 主管队列"), true,
                        Set.of("tasklist", "cockpit"), true),
                new Role("manager", Groups.MANAGERS, all(), List.of(), true, Set.of("cockpit"), true),
                new Role("owner", Groups.PROCESS_OWNERS, all(), List.of(), true, Set.of("cockpit"), true));
    }

    private String businessKeyOf(Task task) {
        identity.clearAuthentication();
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
    }

    @Test
    void eachRoleSeesItsTasksQueuesComplaintsHistoryAndTables() {
        long decisionTables = engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().count();
        Set<String> ours = Set.of(atL1, atL2, atL3, atSupervisors, atProductOwners).stream()
                .map(c -> processOf(c).getId()).collect(Collectors.toSet());
        for (Role role : roles()) {
            identity.setAuthentication(role.user(), List.of(role.group()));
            Set<String> visibleIds = taskService.createTaskQuery().list().stream().map(Task::getId).collect(Collectors.toSet());
            List<String> queues = engine.getFilterService().createFilterQuery().list().stream().map(f -> f.getName()).toList();
            long running = runtimeService.createProcessInstanceQuery().processInstanceIds(ours).count();
            long finishedAndRunning = historyService.createHistoricProcessInstanceQuery().processInstanceIds(ours).count();
            long tables = engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().count();
            identity.clearAuthentication();
            Set<String> visible = taskService.createTaskQuery().list().stream().filter(t -> visibleIds.contains(t.getId()))
                    .map(t -> businessKeyOf(t) + "/" + t.getTaskDefinitionKey())
                    .filter(key -> all().contains(key)).collect(Collectors.toSet());
            assertThat(visible).as(role.user() + "'s tasks").isEqualTo(role.tasks());
            assertThat(queues).as(role.user() + "'s queues").isEqualTo(role.queues());
            assertThat(running).as(role.user() + " in Cockpit: running complaints").isEqualTo(role.watches() ? 5 : 0);
            assertThat(finishedAndRunning).as(role.user() + ": history").isEqualTo(role.watches() ? 5 : 0);
            assertThat(tables).as(role.user() + ": decision tables").isEqualTo(role.watches() ? decisionTables : 0);
            for (String app : List.of("tasklist", "cockpit", "admin")) {
                assertThat(engine.getAuthorizationService().isUserAuthorized(role.user(), List.of(role.group()),
                        Permissions.ACCESS, Resources.APPLICATION, app)).as(role.user() + " opens " + app)
                        .isEqualTo(role.apps().contains(app));
            }
        }
    }

    @Test
    void eachRoleMayWorkOnlyItsOwnTasks() {
        Map<String, Object> confirmed = Map.of("confirmation", "confirmed");
        assertRefused("agent1", Groups.L1, open(atL2, "ConfirmComplaint"), confirmed);
        assertRefused("agent2", Groups.L2, open(atL1, "ConfirmComplaint"), confirmed);
        assertRefused("agent3", Groups.L3, open(atL2, "ConfirmComplaint"), confirmed);
        assertRefused("supervisor", Groups.SUPERVISORS, open(atL1, "ConfirmComplaint"), confirmed);
        assertRefused("manager", Groups.MANAGERS, open(atSupervisors, "ApproveSolution"), Map.of("solutionApproved", true));
        assertRefused("product", Groups.PRODUCT_OWNERS, open(atL1, "ConfirmComplaint"), confirmed);
        assertRefused("agent1", Groups.L1, open(atSupervisors, "ApproveSolution"), Map.of("solutionApproved", true));

        assertWorks("agent1", Groups.L1, open(atL1, "ConfirmComplaint"), confirmed);
        assertWorks("agent2", Groups.L2, open(atL2, "ConfirmComplaint"), confirmed);
        assertWorks("agent3", Groups.L3, open(atL3, "DecideSolution"),
                Map.of("solution", "rewrite the query", "rootCause", "full scan", "approvalNeeded", false));
        assertWorks("supervisor", Groups.SUPERVISORS, open(atSupervisors, "ApproveSolution"), Map.of("solutionApproved", true));
        assertWorks("product", Groups.PRODUCT_OWNERS, open(atProductOwners, "EvaluateFeedback"), Map.of("evaluation", "planned", "evaluationNote", "in the Q3 release"));
    }

    private Task taskByKey(String key) {
        String[] parts = key.split("/");
        return taskService.createTaskQuery().processInstanceBusinessKey(parts[0]).taskDefinitionKey(parts[1]).singleResult();
    }

    private void assertRefused(String user, String group, String key, Map<String, Object> decision) {
        Task task = taskByKey(key);
        identity.setAuthentication(user, List.of(group));
        try {
            assertThatThrownBy(() -> taskService.claim(task.getId(), user)).as(user + " claims " + key)
                    .isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> taskService.complete(task.getId(), decision)).as(user + " completes " + key)
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(taskByKey(key)).as(key + " still open").isNotNull();
    }

    private void assertWorks(String user, String group, String key, Map<String, Object> decision) {
        Task task = taskByKey(key);
        identity.setAuthentication(user, List.of(group));
        try {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), decision);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(key + " done by " + user).isZero();
    }

    @Test
    void ourApiAnswersEachRoleItsShare() {
        TestHttp http = new TestHttp(port);
        for (Role role : roles()) {
            assertThat(http.get("/api/complaints/" + atL1.ticketNumber(), role.user()).statusCode())
                    .as(role.user() + " reads a complaint").isEqualTo(200);
            assertThat(http.get("/api/reports/kpis?month=2026-10", role.user()).statusCode())
                    .as(role.user() + " reads the KPIs").isEqualTo(role.readsReports() ? 200 : 403);
        }
        assertThat(http.get("/api/complaints/" + atL1.ticketNumber(), "demo").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/reports/kpis?month=2026-10", "demo").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/complaints/" + atL1.ticketNumber(), null).statusCode()).isEqualTo(401);
    }
}
