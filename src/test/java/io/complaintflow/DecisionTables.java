package io.complaintflow;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Loads and evaluates the DMN tables in {@code processes/} with the standalone Camunda DMN engine,
 * configured the way the Camunda 7.24 process engine configures its own DMN engine by default
 * ({@code dmnFeelEnableLegacyBehavior=false}, {@code dmnReturnBlankTableOutputAsNull=false}): the
 * feel-scala engine, and FEEL as the default language of input expressions, input entries and output
 * entries. Tables that name another expression language anywhere are rejected, so the tests cannot pass
 * on semantics the deployed process would not have.
 */
public final class DecisionTables {

  /** The language name Camunda uses for its FEEL default. */
  public static final String FEEL = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;

  /** Every name under which Camunda accepts FEEL as an expressionLanguage (lower case). */
  private static final Set<String> FEEL_LANGUAGES = Stream.of("feel",
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15)
      .map(name -> name.toLowerCase(Locale.ROOT))
      .collect(Collectors.toSet());

  private static final DmnEngine ENGINE = buildEngine();

  private DecisionTables() {
  }

  private static DmnEngine buildEngine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // the process engine's defaults, set explicitly (ProcessEngineConfigurationImpl hands them over)
    configuration.enableFeelLegacyBehavior(false);
    configuration.setReturnBlankTableOutputAsNull(false);
    DmnEngine engine = configuration.buildEngine();

    check(configuration.getFeelEngineFactory() instanceof ScalaFeelEngineFactory,
        "FEEL engine is not feel-scala: " + configuration.getFeelEngineFactory());
    check(FEEL.equals(configuration.getDefaultInputExpressionExpressionLanguage()),
        "input expressions default to " + configuration.getDefaultInputExpressionExpressionLanguage());
    check(FEEL.equals(configuration.getDefaultInputEntryExpressionLanguage()),
        "input entries default to " + configuration.getDefaultInputEntryExpressionLanguage());
    check(FEEL.equals(configuration.getDefaultOutputEntryExpressionLanguage()),
        "output entries default to " + configuration.getDefaultOutputEntryExpressionLanguage());
    return engine;
  }

  /** Parses {@code processes/<file>} (relative to the project root) and returns the decision with the given id. */
  public static DmnDecision load(String file, String decisionId) {
    Path path = Path.of("processes", file);
    try (InputStream in = new FileInputStream(path.toFile())) {
      DmnDecision decision = ENGINE.parseDecision(decisionId, in);
      requireDefaultFeel(decision);
      return decision;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
    }
  }

  /**
   * Evaluates a FIRST hit policy table: returns the outputs of the matching row, or {@code null} when no
   * row matched.
   */
  public static Map<String, Object> evaluate(DmnDecision decision, VariableMap variables) {
    DmnDecisionResult result = ENGINE.evaluateDecision(decision, variables);
    DmnDecisionResultEntries first = result.getFirstResult();
    return first == null ? null : first.getEntryMap();
  }

  /** No expression names its own language, so every one of them runs as FEEL (the engine default). */
  private static void requireDefaultFeel(DmnDecision decision) {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    List<DmnExpressionImpl> expressions = new ArrayList<>();
    for (DmnDecisionTableInputImpl input : table.getInputs()) {
      expressions.add(input.getExpression());
    }
    for (DmnDecisionTableRuleImpl rule : table.getRules()) {
      expressions.addAll(rule.getConditions());
      expressions.addAll(rule.getConclusions());
    }
    for (DmnExpressionImpl expression : expressions) {
      String language = expression.getExpressionLanguage();
      check(language == null || FEEL_LANGUAGES.contains(language.toLowerCase(Locale.ROOT)),
          decision.getKey() + ": expression " + expression.getId() + " uses " + language + ", not FEEL");
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
