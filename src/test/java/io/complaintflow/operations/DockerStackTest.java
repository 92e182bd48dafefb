package io.complaintflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The production stack in docker/ as an operator meets it: the alerts that page, what Prometheus scrapes, the services. */
class DockerStackTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    void alertsPageOnJobLagIncidentsAndNodesNotReady() {
        Map<String, Object> group = single(list(yaml("prometheus/alerts.yml"), "groups"));
        assertThat(group.get("name")).isEqualTo("complaintflow");
        List<Map<String, Object>> rules = list(group, "rules");
        assertThat(rules).extracting(rule -> rule.get("alert"))
                .containsExactlyInAnyOrder("ComplaintFlowJobLag", "ComplaintFlowIncident", "ComplaintFlowNotReady");

        assertAlert(rule(rules, "ComplaintFlowJobLag"), "max(complaintflow_jobs_oldest_due_seconds) > 60", "1m");
        assertAlert(rule(rules, "ComplaintFlowIncident"), "max(complaintflow_incidents_open) > 0", "0m");
        assertAlert(rule(rules, "ComplaintFlowNotReady"),
                "up{job=\"complaintflow\"} == 0 or complaintflow_ready == 0", "1m");
    }

    @Test
    void prometheusScrapesBothNodesDirectly() {
        Map<String, Object> config = yaml("prometheus/prometheus.yml");
        assertThat(config.get("rule_files")).isEqualTo(List.of("alerts.yml"));
        Map<String, Object> job = single(list(config, "scrape_configs"));
        assertThat(job.get("job_name")).isEqualTo("complaintflow");
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(single(list(job, "static_configs")).get("targets")).isEqualTo(List.of("app1:8080", "app2:8080"));
        assertThat(map(job, "basic_auth")).containsKeys("username", "password_file").doesNotContainKey("password");
    }

    @Test
    void composeRunsTwoProductionNodesOnOneDatabaseBehindTheProxy() {
        Map<String, Object> services = map(yaml("compose.yaml"), "services");
        assertThat(services).containsKeys("postgres", "mail", "app1", "app2", "proxy");

        Map<String, Object> app1 = environment(services, "app1");
        Map<String, Object> app2 = environment(services, "app2");
        assertThat(app1.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
        assertThat(app2.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
        assertThat((String) app1.get("COMPLAINTFLOW_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(app2.get("COMPLAINTFLOW_DB_URL")).isEqualTo(app1.get("COMPLAINTFLOW_DB_URL"));

        assertThat((String) map(services, "postgres").get("image")).startsWith("postgres:16");
        assertThat(map(services, "proxy").get("ports")).isEqualTo(List.of("${HTTP_PORT:-8080}:8080"));
    }

    @Test
    void imageRunsAsNonRootWithReadinessCheckAndHeapFromTheContainerLimit() {
        List<String> instructions = instructions(read("Dockerfile"));
        assertThat(instruction(instructions, "USER")).isEqualTo("USER 10001:10001");
        assertThat(instruction(instructions, "HEALTHCHECK")).contains("http://127.0.0.1:8080/actuator/health/readiness");
        assertThat(instruction(instructions, "ENV")).contains("-XX:MaxRAMPercentage=75");
    }

    private static void assertAlert(Map<String, Object> rule, String expr, String forDuration) {
        assertThat(rule.get("expr")).isEqualTo(expr);
        assertThat(rule.get("for")).isEqualTo(forDuration);
        assertThat(map(rule, "labels").get("severity")).isEqualTo("page");
        assertThat(map(rule, "annotations")).containsKeys("summary", "description");
    }

    private static List<String> instructions(String dockerfile) {
        return dockerfile.replaceAll("\\\\\n\\s*", " ").lines().filter(line -> !line.startsWith("#")).toList();
    }

    private static String instruction(List<String> instructions, String keyword) {
        return instructions.stream().filter(line -> line.startsWith(keyword + " ")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no " + keyword + " in docker/Dockerfile"));
    }

    private static Map<String, Object> rule(List<Map<String, Object>> rules, String alert) {
        return rules.stream().filter(rule -> alert.equals(rule.get("alert"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> environment(Map<String, Object> services, String service) {
        return map(map(services, service), "environment");
    }

    private static Map<String, Object> single(List<Map<String, Object>> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static Map<String, Object> yaml(String file) {
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve(file))) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read docker/" + file, e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(DOCKER.resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read docker/" + file, e);
        }
    }
}
