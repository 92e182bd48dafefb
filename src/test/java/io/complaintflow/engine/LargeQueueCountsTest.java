package io.complaintflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Tasklist's queue counts as Tasklist asks for them (the HAL list of a filter, and the filters with their counts), with
 * a large queue starting at three tasks here: served from the last count for up to two minutes, counted again in the
 * background after thirty seconds, per caller, and never to a caller who may no longer read the filter.
 */
@DirtiesContext
@TestPropertySource(properties = "complaintflow.tasklist.large-count.from=3")
class LargeQueueCountsTest extends ComplaintFlowTestBase {
    private static final java.util.concurrent.atomic.AtomicInteger TESTS = new java.util.concurrent.atomic.AtomicInteger();

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired LargeQueueCounts counts;

    private TestHttp http;
    private String rest;
    private String l1Queue;

    @BeforeEach
    void threeComplaintsWaitInTheL1Queue() {
        http = new TestHttp(port);
        rest = "/engine-rest/engine/" + engine.getName();
        l1Queue = engine.getFilterService().createFilterQuery().filterName("L1 queue · 一线队列").singleResult().getId();
        // an hour later than the test before: what it counted is too old to be served to this one
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2029-02-06T02:00:00Z").plusSeconds(3600L * TESTS.incrementAndGet())));
        for (int i = 0; i < 3; i++) {
            newL1Complaint();
        }
        User second = engine.getIdentityService().newUser("agent1b");
        second.setPassword("demo");
        engine.getIdentityService().saveUser(second);
        engine.getIdentityService().createMembership("agent1b", "agents-l1");
    }

    @AfterEach
    void secondAgentLeaves() throws Exception {
        counts.awaitRecounts();
        engine.getIdentityService().deleteUser("agent1b");
    }

    private void newL1Complaint() {
        submit("problem", "usage", "standard");
        executeDueJobs();
    }

    private long engineCount(String user) {
        engine.getIdentityService().setAuthentication(user, List.of("agents-l1"));
        try {
            return taskService.createTaskQuery().taskCandidateGroup("agents-l1").includeAssignedTasks().count();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** The first page of the queue as Tasklist asks for it: its tasks and the count of the whole queue. */
    private JsonNode page(String user) throws Exception {
        HttpResponse<String> response = http.send("POST", rest + "/filter/" + l1Queue + "/list?firstResult=0&maxResults=15", user,
                """
                {"sorting":[{"sortBy":"dueDate","sortOrder":"asc"}],"active":true}""".getBytes(StandardCharsets.UTF_8),
                Map.of("Accept", "application/hal+json"));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private long sidebarCount(String user) throws Exception {
        HttpResponse<String> response = http.get(rest + "/filter?resourceType=Task&itemCount=true", user);
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode filter : json.readTree(response.body())) {
            if (filter.get("id").asText().equals(l1Queue)) {
                return filter.get("itemCount").asLong();
            }
        }
        throw new AssertionError("agent1 does not see the L1 queue");
    }

    private void later(int seconds) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000L));
    }

    @Test
    void aLargeQueuesCountIsTheLastOneForAMinuteAndIsRefreshedInTheBackground() throws Exception {
        assertThat(engineCount("agent1")).isEqualTo(3);
        assertThat(page("agent1").get("count").asLong()).isEqualTo(3);

        newL1Complaint();
        later(29);
        // the page is always read afresh; its count is the one of 29 seconds ago, for agent1 only
        JsonNode page = page("agent1");
        assertThat(page.get("_embedded").get("task")).hasSize(4);
        assertThat(page.get("count").asLong()).isEqualTo(3);
        assertThat(page("agent1b").get("count").asLong()).isEqualTo(4);

        later(1);
        // thirty seconds old: served once more while it is counted again in the background
        assertThat(page("agent1").get("count").asLong()).isEqualTo(3);
        counts.awaitRecounts();
        assertThat(page("agent1").get("count").asLong()).isEqualTo(4);

        // two minutes without asking: the count is made again before it is shown
        newL1Complaint();
        later(120);
        assertThat(page("agent1").get("count").asLong()).isEqualTo(5);
        assertThat(engineCount("agent1")).isEqualTo(5);
    }

    @Test
    void theSidebarsCountIsKeptLikeThePages() throws Exception {
        assertThat(sidebarCount("agent1")).isEqualTo(3);
        newL1Complaint();
        assertThat(sidebarCount("agent1")).isEqualTo(3);
        later(120);
        assertThat(sidebarCount("agent1")).isEqualTo(4);
    }

    @Test
    void aSmallQueueIsCountedOnEveryRequest() throws Exception {
        runtimeService.deleteProcessInstance(taskService.createTaskQuery().taskCandidateGroup("agents-l1").list().get(0)
                .getProcessInstanceId(), "withdrawn");
        assertThat(engineCount("agent1")).isEqualTo(2);
        assertThat(page("agent1").get("count").asLong()).isEqualTo(2);
        newL1Complaint();
        assertThat(page("agent1").get("count").asLong()).isEqualTo(3);
    }

    @Test
    void aCallerWhoMayNoLongerReadTheQueueGetsNoCountEvenAKeptOne() throws Exception {
        assertThat(page("agent1").get("count").asLong()).isEqualTo(3);
        assertThat(http.get(rest + "/filter/" + l1Queue + "/count", "agent1").body()).isEqualTo("{\"count\":3}");
        Authorization grant = engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("agents-l1")
                .resourceType(Resources.FILTER).resourceId(l1Queue).singleResult();
        engine.getAuthorizationService().deleteAuthorization(grant.getId());
        try {
            HttpResponse<String> response = http.get(rest + "/filter/" + l1Queue + "/count", "agent1");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).doesNotContain("\"count\"");
        } finally {
            Authorization restored = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            restored.setGroupId("agents-l1");
            restored.setResource(Resources.FILTER);
            restored.setResourceId(l1Queue);
            restored.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
            engine.getAuthorizationService().saveAuthorization(restored);
        }
    }
}
