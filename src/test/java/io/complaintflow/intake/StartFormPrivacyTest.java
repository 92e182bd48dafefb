package io.complaintflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A complaint an agent types into Tasklist's start form leaves no personal data in Camunda's history. */
class StartFormPrivacyTest extends ComplaintFlowTestBase {
    static final String TYPED_IN = """
            {"variables":{"channel":{"value":"phone"},"locale":{"value":"en"},"category":{"value":"usage"},
             "subject":{"value":"Cannot log in since Tuesday"},"description":{"value":"Zhou Xun called: the app says her password expired"},
             "customerName":{"value":"Zhou Xun"},"customerEmail":{"value":"zhou.xun@example.com"},
             "customerPhone":{"value":"+86 138 0013 8000"}}}""";

    @LocalServerPort int port;

    @Test
    void theStartFormsPersonalFieldsReachOurTablesOnly() {
        HttpResponse<String> started = new TestHttp(port).post("/engine-rest/engine/" + engine.getName()
                + "/process-definition/key/complaint-handling/submit-form", "agent1", TYPED_IN);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        executeDueJobs();

        String process = runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-handling")
                .orderByProcessInstanceId().desc().list().stream()
                .filter(p -> complaints.findByTicketNumber(p.getBusinessKey()).map(c -> c.customer().name().equals("Zhou Xun")).orElse(false))
                .findFirst().orElseThrow().getId();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(process)
                .variableNameIn("customerName", "customerEmail", "customerPhone", "subject", "description").count()).isZero();
        for (String personal : List.of("Zhou Xun", "zhou.xun@example.com", "+86 138 0013 8000", "Cannot log in since Tuesday")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?", Integer.class,
                    "%" + personal + "%", "%" + personal + "%")).as(personal).isZero();
            // nor the start form's submitted fields (form property history)
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?", Integer.class,
                    "%" + personal + "%", "%" + personal + "%")).as(personal).isZero();
        }
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(process).count())
                .as("Camunda's history keeps no process variable").isZero();
        assertThat(runtimeService.getVariables(process)).as("routing values stay on the process")
                .containsEntry("channel", "phone").containsEntry("segment", "standard").doesNotContainKey("ticketNumber");
        assertThat(taskService.createTaskQuery().processInstanceId(process).taskDefinitionKey("ConfirmComplaint")
                .singleResult()).as("the complaint reached its queue").isNotNull();
    }
}
