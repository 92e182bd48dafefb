package io.complaintflow.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Remembers what the decision tables' FEEL cells evaluate to. The FEEL engine parses every cell and builds its
 * built-in functions anew on each evaluation; the triage and SLA tables evaluate about a hundred cells per
 * complaint, which was more than half of an intake's CPU time. A cell's result depends only on its text and
 * the values of the names in it, so where those values are plain (text, number, boolean, null) the result of
 * the real engine is remembered under them. Anything else (dates, objects, now(), today(), random number())
 * is evaluated every time. The tables and their FEEL semantics are unchanged.
 */
@Component
public class RepeatableFeel extends AbstractProcessEnginePlugin {
    static final int MAX_REMEMBERED = 50_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        FeelEngineFactory scala = new ScalaFeelEngineFactory(configuration.getDmnFeelCustomFunctionProviders());
        dmn.setFeelEngineFactory(() -> new Engine(scala.createInstance()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    static final class Engine implements FeelEngine {
        private static final Pattern STRING_OR_NAME = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|([A-Za-z_][A-Za-z0-9_]*)");
        private static final Set<String> VARYING = Set.of("now", "today", "random", "uuid");
        private static final Set<Class<?>> PLAIN = Set.of(String.class, Boolean.class, Integer.class, Long.class,
                Short.class, Double.class, Float.class, BigDecimal.class);

        private final FeelEngine feel;
        /** per cell text: the names it reads, or empty when its result must not be remembered */
        private final Map<String, Optional<List<String>>> names = new ConcurrentHashMap<>();
        private final Map<Key, Result> results = new ConcurrentHashMap<>();

        Engine(FeelEngine feel) {
            this.feel = feel;
        }

        record Key(boolean unaryTests, String expression, List<Object> values) {
        }

        record Result(Object value) {
        }

        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
            return remembered(false, expression, null, context, () -> feel.evaluateSimpleExpression(expression, context));
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
            Boolean result = remembered(true, expression, inputVariable, context,
                    () -> feel.evaluateSimpleUnaryTests(expression, inputVariable, context));
            return result;
        }

        @SuppressWarnings("unchecked")
        private <T> T remembered(boolean unaryTests, String expression, String inputVariable, VariableContext context,
                                 Supplier<T> evaluation) {
            Optional<List<String>> read = names.computeIfAbsent(expression, Engine::namesRead);
            List<Object> values = read.map(n -> plainValues(n, inputVariable, context)).orElse(null);
            if (values == null) {
                return evaluation.get();
            }
            Key key = new Key(unaryTests, expression, values);
            Result known = results.get(key);
            if (known != null) {
                return (T) known.value();
            }
            T value = evaluation.get();
            if (value == null || PLAIN.contains(value.getClass())) {
                if (results.size() >= MAX_REMEMBERED) {
                    results.clear();
                }
                results.put(key, new Result(value));
            }
            return value;
        }

        static Optional<List<String>> namesRead(String expression) {
            if (expression.indexOf('`') >= 0) {
                return Optional.empty();
            }
            List<String> read = new ArrayList<>();
            Matcher m = STRING_OR_NAME.matcher(expression);
            while (m.find()) {
                String name = m.group(1);
                if (name != null) {
                    if (VARYING.contains(name)) {
                        return Optional.empty();
                    }
                    if (!read.contains(name)) {
                        read.add(name);
                    }
                }
            }
            return Optional.of(List.copyOf(read));
        }

        /** The values of the names the cell reads (and of the cell's input), or null if one is not plain. */
        private static List<Object> plainValues(List<String> read, String inputVariable, VariableContext context) {
            List<Object> values = new ArrayList<>(read.size() + 1);
            if (inputVariable != null && !plainInto(values, context, inputVariable)) {
                return null;
            }
            for (String name : read) {
                if (!plainInto(values, context, name)) {
                    return null;
                }
            }
            return values;
        }

        private static boolean plainInto(List<Object> values, VariableContext context, String name) {
            if (!context.containsVariable(name)) {
                values.add(Absent.NAME);
                return true;
            }
            TypedValue typed = context.resolve(name);
            Object value = typed == null ? null : typed.getValue();
            if (value != null && !PLAIN.contains(value.getClass())) {
                return false;
            }
            values.add(value == null ? Absent.NULL : value);
            return true;
        }

        /** stands for "not in the context" and "null" in a key (List.copyOf refuses nulls; the two differ) */
        enum Absent { NAME, NULL }
    }
}
