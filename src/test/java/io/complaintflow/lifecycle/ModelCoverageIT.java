package io.complaintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * After every test of {@code mvn verify} has run (Failsafe, so after Surefire): the flow nodes of each model that
 * some test passed through, from the reports process-test-coverage wrote per test class. The lifecycle must be
 * covered to 95 % and every one of its boundary events (the SLA timers) at least once.
 */
class ModelCoverageIT {
    static final Path REPORTS = Path.of("target", "process-test-coverage");

    @Test
    void everyModelIsCoveredAndTheLifecycleToNinetyFivePercentWithEveryBoundaryEvent() throws IOException {
        Map<String, Set<String>> covered = coveredFlowNodes();
        StringBuilder summary = new StringBuilder();
        Map<String, Double> percent = new TreeMap<>();
        Set<String> missedBoundaryEvents = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted()) {
            for (Path file : models.toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                String key = model.getModelElementsByType(Process.class).iterator().next().getId();
                Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<String> hit = covered.getOrDefault(key, Set.of());
                Set<String> missed = new TreeSet<>(nodes);
                missed.removeAll(hit);
                double share = 100.0 * (nodes.size() - missed.size()) / nodes.size();
                percent.put(key, share);
                summary.append("%-20s %3d of %3d flow nodes  %5.1f %%  not covered: %s%n".formatted(key,
                        nodes.size() - missed.size(), nodes.size(), share, missed));
                if (key.equals("complaint-handling")) {
                    model.getModelElementsByType(BoundaryEvent.class).stream().map(BoundaryEvent::getId)
                            .filter(missed::contains).forEach(missedBoundaryEvents::add);
                }
            }
        }
        Files.writeString(REPORTS.resolve("summary.txt"), summary);
        System.out.print("model coverage\n" + summary);
        assertThat(percent.get("complaint-handling")).as(summary.toString()).isGreaterThanOrEqualTo(95.0);
        assertThat(missedBoundaryEvents).as("boundary events no test passed").isEmpty();
        assertThat(percent).as("every model is run by some test").allSatisfy((key, share) -> assertThat(share).isPositive());
    }

    /** Per process key, the flow nodes some test class passed through. */
    private static Map<String, Set<String>> coveredFlowNodes() throws IOException {
        assertThat(REPORTS).as("process-test-coverage reports: run mvn verify").isDirectory();
        Map<String, Set<String>> covered = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> reports = Files.walk(REPORTS).filter(p -> p.getFileName().toString().equals("report.json"))) {
            for (Path report : reports.toList()) {
                for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
                    for (JsonNode run : suite.path("runs")) {
                        for (JsonNode event : run.path("events")) {
                            if ("FLOW_NODE".equals(event.path("source").asText())) {
                                covered.computeIfAbsent(event.path("modelKey").asText(), k -> new TreeSet<>())
                                        .add(event.path("definitionKey").asText());
                            }
                        }
                    }
                }
            }
        }
        return covered;
    }
}
