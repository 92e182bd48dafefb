package io.complaintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.feedback.CustomerResponses;
import io.complaintflow.incident.IncidentFixes;
import io.complaintflow.incident.IncidentLinking;
import io.complaintflow.notification.SendCustomerMessageDelegate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The dry run before deploying (README "Changing the rules"): every bean, form, decision table and message the
 * models in processes/ refer to exists in this application, and every message the application sends has a model
 * waiting for it. Run it alone with {@code mvn -q -Dtest=ModelDryRunTest test}, after the linter.
 */
class ModelDryRunTest extends ComplaintFlowTestBase {
    /** A Java delegate or listener: delegateExpression="${setDeadlines}". */
    static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{([a-zA-Z][a-zA-Z0-9]*)\\}\"");
    /** A method or property of a named object: ${decisionVersions.pinned(execution, 'triage')}, ${lifecyclePolicy.…}. */
    static final Pattern CALLED = Pattern.compile("\\$\\{\\s*([a-zA-Z][a-zA-Z0-9]*)\\.");
    /** What the engine provides, and the variables a business rule task's resultVariable holds. */
    static final Set<String> RESULT_VARIABLES = Set.of("execution", "task", "decisionResult", "compensationResult");

    @Autowired ApplicationContext beans;

    @Test
    void everyBeanTheModelsNameExists() throws IOException {
        for (Path model : files("processes", ".bpmn")) {
            String xml = Files.readString(model);
            for (String bean : names(DELEGATE, xml)) {
                assertThat(beans.containsBean(bean)).as(model + ": delegateExpression ${" + bean + "} names no bean").isTrue();
            }
            for (String called : names(CALLED, xml)) {
                assertThat(beans.containsBean(called) || RESULT_VARIABLES.contains(called))
                        .as(model + ": ${" + called + ".…} names no bean").isTrue();
            }
        }
    }

    @Test
    void everyFormAndTableTheModelsReferToIsInTheRepository() throws IOException {
        Set<String> forms = new TreeSet<>();
        for (Path form : files("forms", ".form")) {
            forms.add(new ObjectMapper().readTree(form.toFile()).get("id").asText());
        }
        Set<String> tables = new TreeSet<>();
        for (Path table : files("processes", ".dmn")) {
            Dmn.readModelFromFile(table.toFile()).getModelElementsByType(Decision.class).forEach(d -> tables.add(d.getId()));
        }
        for (Path model : files("processes", ".bpmn")) {
            String xml = Files.readString(model);
            assertThat(attributeValues(xml, "camunda:formRef")).as(model + " forms").allSatisfy(form -> assertThat(forms).contains(form));
            assertThat(attributeValues(xml, "camunda:decisionRef")).as(model + " tables").allSatisfy(t -> assertThat(tables).contains(t));
        }
    }

    @Test
    void everyMessageTheApplicationSendsHasAModelWaitingAndNoneWaitsInVain() {
        Set<String> modelled = new TreeSet<>();
        for (Path model : files("processes", ".bpmn")) {
            BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
            instance.getModelElementsByType(Message.class).forEach(message -> modelled.add(message.getName()));
        }
        assertThat(modelled).containsExactlyInAnyOrder(CustomerResponses.INFORMATION_RECEIVED, CustomerResponses.SURVEY_ANSWERED,
                CustomerResponses.PROBLEM_REPORTED_AGAIN, SendCustomerMessageDelegate.MESSAGE_SENT, IncidentLinking.LINKED,
                IncidentLinking.UNLINKED, IncidentFixes.FIXED);
    }

    private static Set<String> names(Pattern pattern, String xml) {
        Matcher found = pattern.matcher(xml);
        Set<String> names = new TreeSet<>();
        while (found.find()) {
            names.add(found.group(1));
        }
        return names;
    }

    private static List<String> attributeValues(String xml, String attribute) {
        Matcher values = Pattern.compile(attribute + "=\"([^\"$]+)\"").matcher(xml);
        List<String> found = new ArrayList<>();
        while (values.find()) {
            found.add(values.group(1));
        }
        return found;
    }

    private static List<Path> files(String folder, String suffix) {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
