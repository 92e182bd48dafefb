package io.complaintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every label, help text and option of the task and start forms reads in English and in Chinese ("Ticket · 工单号"). */
class FormsSpeakBothLanguagesTest {
    static final Set<String> TEXT_KEYS = Set.of("label", "description", "text", "title");

    @Test
    void everyFormTextIsBilingual() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                collect(form.getFileName().toString(), new ObjectMapper().readTree(form.toFile()), texts);
            }
        }
        assertThat(texts).hasSizeGreaterThan(200);
        assertThat(texts).allSatisfy(text -> {
            // the customer-language option names each language in its own ("中文 (zh-CN)")
            if (!text.equals("中文 (zh-CN)")) {
                assertThat(text).as("English · 中文").matches("(?s)[^\\u4e00-\\u9fff]*[A-Za-z][^\\u4e00-\\u9fff]* · .*[\\u4e00-\\u9fff].*");
            }
        });
    }

    private static void collect(String form, JsonNode node, List<String> texts) {
        node.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (TEXT_KEYS.contains(field.getKey()) && value.isTextual()) {
                texts.add(value.asText());
            } else if (value.isArray()) {
                value.forEach(child -> collect(form, child, texts));
            } else if (value.isObject()) {
                collect(form, value, texts);
            }
        });
    }
}
