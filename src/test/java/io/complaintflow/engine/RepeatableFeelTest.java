package io.complaintflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.intake.IntakeVocabulary;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The remembered FEEL results are exactly the FEEL engine's own, and are reused only where they must be equal. */
class RepeatableFeelTest {
    private final AtomicInteger evaluations = new AtomicInteger();
    private final FeelEngine counted = counting(new ScalaFeelEngineFactory().createInstance());
    private final RepeatableFeel.Engine repeatable = new RepeatableFeel.Engine(counted);

    @Test
    void triageTableAnswersEveryCombinationOfInputsAsTheFeelEngineDoes() throws Exception {
        IntakeVocabulary vocabulary = new IntakeVocabulary();
        List<String> types = new ArrayList<>(vocabulary.getTypes());
        types.add(null);
        List<String> categories = new ArrayList<>(vocabulary.getCategories());
        categories.add(null);
        List<VariableMap> inputs = new ArrayList<>();
        for (String type : types) {
            for (String category : categories) {
                for (String channel : vocabulary.getChannels()) {
                    for (String segment : vocabulary.getSegments()) {
                        inputs.add(Variables.createVariables().putValue("declaredType", type).putValue("category", category)
                                .putValue("channel", channel).putValue("segment", segment));
                    }
                }
            }
        }
        assertSameAnswers("triage.dmn", "triage", inputs);
    }

    @Test
    void slaTableAnswersEveryCombinationOfInputsAsTheFeelEngineDoes() throws Exception {
        List<VariableMap> inputs = new ArrayList<>();
        for (String type : new IntakeVocabulary().getTypes()) {
            for (String priority : List.of("urgent", "important", "general")) {
                for (String segment : List.of("standard", "vip")) {
                    for (Object level : List.of(0, 1, 2, 3, 1L, 2L)) {
                        inputs.add(Variables.createVariables().putValue("type", type).putValue("priority", priority)
                                .putValue("segment", segment).putValue("escalationLevel", level));
                    }
                }
            }
        }
        assertSameAnswers("sla-policy.dmn", "sla-policy", inputs);
    }

    @Test
    void aCellIsEvaluatedAgainOnlyWhenAValueItReadsChanged() {
        assertThat(repeatable.evaluateSimpleUnaryTests("> 100", "cellInput", context("cellInput", 150, "other", 1))).isTrue();
        assertThat(repeatable.evaluateSimpleUnaryTests("> 100", "cellInput", context("cellInput", 150, "other", 2))).isTrue();
        assertThat(evaluations).hasValue(1);
        assertThat(repeatable.evaluateSimpleUnaryTests("> 100", "cellInput", context("cellInput", 50, "other", 2))).isFalse();
        assertThat(repeatable.<Object>evaluateSimpleExpression("if a = null then \"x\" else a", context("a", "y", "b", 1)))
                .isEqualTo("y");
        assertThat(repeatable.<Object>evaluateSimpleExpression("if a = null then \"x\" else a", context("b", 1)))
                .isEqualTo("x");
        assertThat(evaluations).hasValue(4);
    }

    @Test
    void cellsReadingTheClockOrNonPlainValuesAreAlwaysEvaluated() {
        for (int i = 0; i < 2; i++) {
            repeatable.evaluateSimpleExpression("now()", context());
            repeatable.evaluateSimpleUnaryTests("< date(\"2030-01-01\")", "cellInput", context("cellInput", new Date()));
            repeatable.evaluateSimpleExpression("list[1]", context("list", new ArrayList<>(List.of(1))));
        }
        assertThat(evaluations).hasValue(6);
    }

    private void assertSameAnswers(String file, String decisionId, List<VariableMap> inputs) throws Exception {
        DmnEngine plain = engine(new ScalaFeelEngineFactory().createInstance());
        DmnEngine remembering = engine(repeatable);
        DmnDecision plainDecision = parse(plain, file, decisionId);
        DmnDecision rememberingDecision = parse(remembering, file, decisionId);
        List<Map<String, Object>> expected = new ArrayList<>();
        for (VariableMap input : inputs) {
            expected.add(answer(plain, plainDecision, input));
        }
        for (int round = 0; round < 2; round++) {
            int before = evaluations.get();
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(answer(remembering, rememberingDecision, inputs.get(i))).as("%s", inputs.get(i))
                        .isEqualTo(expected.get(i));
            }
            if (round == 1) {
                assertThat(evaluations.get() - before).as("FEEL evaluations when every answer is known").isZero();
            }
        }
    }

    private static Map<String, Object> answer(DmnEngine engine, DmnDecision decision, VariableMap input) {
        var result = engine.evaluateDecision(decision, input).getFirstResult();
        return result == null ? null : result.getEntryMap();
    }

    private static DmnDecision parse(DmnEngine engine, String file, String decisionId) throws Exception {
        try (InputStream in = new FileInputStream("processes/" + file)) {
            return engine.parseDecision(decisionId, in);
        }
    }

    private static DmnEngine engine(FeelEngine feel) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.enableFeelLegacyBehavior(false);
        configuration.setReturnBlankTableOutputAsNull(false);
        configuration.setFeelEngineFactory(() -> feel);
        return configuration.buildEngine();
    }

    private static VariableContext context(Object... namesAndValues) {
        VariableMap variables = Variables.createVariables();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.putValue((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables.asVariableContext();
    }

    private FeelEngine counting(FeelEngine feel) {
        return new FeelEngine() {
            @Override
            public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
                evaluations.incrementAndGet();
                return feel.evaluateSimpleExpression(expression, context);
            }

            @Override
            public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
                evaluations.incrementAndGet();
                return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
            }
        };
    }
}
