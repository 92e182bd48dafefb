package io.complaintflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese texts of Tasklist, Cockpit, Admin and the Welcome page cover every key of the English file Camunda
 * ships (read from Camunda's jar on the classpath): a Camunda upgrade that adds keys fails here, naming them, until
 * they are translated.
 */
class WebappLocalesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    static JsonNode read(String app, String locale) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json";
        try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            return JSON.readTree(text);
        }
    }

    static Map<String, JsonNode> flat(JsonNode node) {
        Map<String, JsonNode> values = new TreeMap<>();
        flatten("", node, values);
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> values) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(path.isEmpty() ? e.getKey() : path + "/" + e.getKey(), e.getValue(), values));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "/" + i, node.get(i), values);
            }
        } else {
            values.put(path, node);
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        found.sort(String::compareTo);
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasItsChineseText(String app) throws IOException {
        Map<String, JsonNode> english = flat(read(app, "en"));
        Map<String, JsonNode> chinese = flat(read(app, "zh"));
        assertThat(chinese.keySet()).as(app + ": keys missing in zh.json, or not in Camunda's en.json")
                .containsExactlyInAnyOrderElementsOf(english.keySet());
        english.forEach((key, text) -> {
            if (text.isTextual()) {
                assertThat(placeholders(chinese.get(key).asText())).as(app + " " + key).isEqualTo(placeholders(text.asText()));
            }
        });
        long translated = english.entrySet().stream().filter(e -> e.getValue().isTextual())
                .filter(e -> chinese.get(e.getKey()).asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();
        long texts = english.values().stream().filter(JsonNode::isTextual).count();
        // the rest are names and codes that stay as they are (BPMN, ID, date formats)
        assertThat(translated).as(app + ": texts in Chinese").isGreaterThan(texts * 8 / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theWebappOffersChineseAndFallsBackToEnglish(String app) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js";
        try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(config.replaceAll("\\s", "")).contains("availableLocales:['en','zh']").contains("fallbackLocale:'en'");
        }
    }
}
