package io.complaintflow.complaint;

import io.complaintflow.engine.SystemAccess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every decision table a complaint's lifecycle uses is pinned when the complaint starts: the newest version of
 * each table its model names is recorded in one process variable ({@code tableVersions}, e.g.
 * {@code "sla-policy=3, triage=2"}: one row instead of one per table), and each business rule
 * task evaluates that version ({@code camunda:decisionRefBinding="version"},
 * {@code camunda:decisionRefVersion="${decisionVersions.pinned(execution, 'key')}"}). A table deployed later
 * applies to complaints started later. A complaint started before pinning existed gets the newest version.
 */
@Component("decisionVersions")
public class DecisionVersions {
    static final String VARIABLE = "tableVersions";

    private final RepositoryService repository;
    private final JdbcTemplate jdbc;
    private final Map<String, Set<String>> tablesByDefinition = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> parsed = new ConcurrentHashMap<>();
    private volatile Newest newest = new Newest(List.of(), Map.of());

    /** The newest versions, and what the deployed tables looked like when they were read. */
    private record Newest(List<Object> tables, Map<String, Integer> versions) {
    }

    public DecisionVersions(@Lazy RepositoryService repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** Pins the newest version of every table the complaint's model names. */
    public void pinAll(DelegateExecution execution) {
        if (execution.hasVariable(VARIABLE)) {
            return;
        }
        Set<String> tables = tablesOf(execution);
        Map<String, Integer> newest = newestVersions();
        Map<String, Integer> versions = new TreeMap<>();
        for (String key : tables) {
            Integer version = newest.get(key);
            if (version == null) {
                throw new IllegalStateException("No decision table " + key + " is deployed");
            }
            versions.put(key, version);
        }
        execution.setVariable(VARIABLE, versions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
    }

    /** The tables a model version names, read once per version (walking the model's DOM was 4 % of an intake's CPU). */
    private Set<String> tablesOf(DelegateExecution execution) {
        return tablesByDefinition.computeIfAbsent(execution.getProcessDefinitionId(), id -> {
            Set<String> keys = new TreeSet<>();
            for (BusinessRuleTask task : execution.getBpmnModelInstance().getModelElementsByType(BusinessRuleTask.class)) {
                String key = task.getCamundaDecisionRef();
                if (key != null && !key.contains("${")) {
                    keys.add(key);
                }
            }
            return keys;
        });
    }

    /**
     * The newest version of every deployed table. Read again only when the tables changed, on any node: a deployment
     * adds table versions and a deleted one removes them, so the count of table versions and the latest deployment
     * time tell (one small aggregate instead of Camunda's query with its permission check: an eighth of an intake's
     * own CPU in the bench's profile).
     */
    private Map<String, Integer> newestVersions() {
        List<Object> tables = jdbc.queryForObject("SELECT COUNT(*), MAX(p.DEPLOY_TIME_) FROM ACT_RE_DECISION_DEF d "
                + "JOIN ACT_RE_DEPLOYMENT p ON p.ID_ = d.DEPLOYMENT_ID_ WHERE d.TENANT_ID_ IS NULL",
                (rs, i) -> java.util.Arrays.asList(rs.getLong(1), rs.getTimestamp(2)));
        Newest known = newest;
        if (!known.tables().equals(tables)) {
            List<DecisionDefinition> latest = SystemAccess.call(() -> repository.createDecisionDefinitionQuery().latestVersion()
                    .withoutTenantId().list());
            known = new Newest(tables, latest.stream().collect(Collectors.toMap(DecisionDefinition::getKey, DecisionDefinition::getVersion)));
            newest = known;
        }
        return known.versions();
    }

    public int pinned(DelegateExecution execution, String key) {
        Object pinned = execution.getVariable(VARIABLE);
        Integer version = (pinned == null ? Map.<String, Integer>of() : parsed.computeIfAbsent(pinned.toString(), DecisionVersions::parse)).get(key);
        return version != null ? version : newest(key);
    }

    /** The versions a {@code tableVersions} value pins, by table key. */
    public static Map<String, Integer> parse(Object pinned) {
        Map<String, Integer> versions = new TreeMap<>();
        if (pinned != null && !pinned.toString().isBlank()) {
            for (String entry : pinned.toString().split(",\\s*")) {
                String[] keyAndVersion = entry.split("=");
                versions.put(keyAndVersion[0], Integer.valueOf(keyAndVersion[1]));
            }
        }
        return versions;
    }

    private int newest(String key) {
        DecisionDefinition newest = SystemAccess.call(() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().withoutTenantId().singleResult());
        if (newest == null) {
            throw new IllegalStateException("No decision table " + key + " is deployed");
        }
        return newest.getVersion();
    }
}
