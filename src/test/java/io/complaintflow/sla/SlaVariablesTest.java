package io.complaintflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** Which lifecycle models still read the SLA moments as process variables, and so get them copied at intake. */
class SlaVariablesTest {
    @Test
    void theCurrentLifecycleReadsTheRowAndAnOldOneTheCopies() {
        assertThat(SlaVariables.readsCopies(Bpmn.readModelFromFile(Path.of("processes/complaint-handling.bpmn").toFile())))
                .isFalse();
        assertThat(SlaVariables.readsCopies(Bpmn.readModelFromFile(
                Path.of("src/test/resources/migration/complaint-handling-before-stages.bpmn").toFile()))).isTrue();
    }
}
