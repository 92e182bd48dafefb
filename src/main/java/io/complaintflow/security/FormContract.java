package io.complaintflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;

/**
 * The variables a form lets its user send: the keys of its editable fields. Read-only fields only show the
 * complaint (task-local copies); a value sent for one of them is dropped, never stored.
 */
record FormContract(String formName, Set<String> editable, Set<String> readOnly) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final FormContract NONE = new FormContract("none", Set.of(), Set.of());

    /** A Camunda Form (JSON, as deployed) or a generated form (camunda:formField). */
    static FormContract of(FormData form, InputStream camundaForm) {
        TreeSet<String> editable = new TreeSet<>();
        TreeSet<String> readOnly = new TreeSet<>();
        String name;
        if (camundaForm != null) {
            try (camundaForm) {
                JsonNode root = JSON.readTree(camundaForm);
                name = root.path("id").asText("form");
                collect(root.path("components"), editable, readOnly);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            name = "generated form";
            for (FormField field : form.getFormFields()) {
                editable.add(field.getId());
            }
        }
        readOnly.removeAll(editable);
        return new FormContract(name, java.util.Collections.unmodifiableSortedSet(editable),
                java.util.Collections.unmodifiableSortedSet(readOnly));
    }

    private static void collect(JsonNode components, Set<String> editable, Set<String> readOnly) {
        for (JsonNode component : components) {
            String variable = firstSegment(component.path("path").asText(""));
            if (variable.isEmpty()) {
                variable = firstSegment(component.path("key").asText(""));
            } else {
                // a group or list with a path submits its fields as one variable under that path
                editable.add(variable);
                continue;
            }
            if (!variable.isEmpty() && !"button".equals(component.path("type").asText())) {
                boolean shown = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
                (shown ? readOnly : editable).add(variable);
            }
            collect(component.path("components"), editable, readOnly);
        }
    }

    private static String firstSegment(String path) {
        int dot = path.indexOf('.');
        return (dot < 0 ? path : path.substring(0, dot)).trim();
    }
}
