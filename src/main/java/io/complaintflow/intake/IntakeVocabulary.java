package io.complaintflow.intake;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The values intake accepts; the triage table must know every category listed here (see README). */
@Component
@ConfigurationProperties("complaintflow.intake")
public class IntakeVocabulary {
    private List<String> channels = List.of("web", "email", "phone", "emergency-line", "chat", "app-store",
            "social-media", "portal");
    private List<String> types = List.of("problem", "complaint", "suggestion", "requirement", "praise");
    private List<String> categories = List.of("outage", "security", "data-loss", "payment", "performance",
            "functional-defect", "usage", "account", "service-attitude", "product-quality", "feature", "experience",
            "optimisation", "new-feature", "business-scenario", "praise", "other");
    private List<String> locales = List.of("zh-CN", "en");
    private List<String> segments = List.of("standard", "vip");

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels;
    }

    public List<String> getTypes() {
        return types;
    }

    public void setTypes(List<String> types) {
        this.types = types;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories;
    }

    public List<String> getLocales() {
        return locales;
    }

    public void setLocales(List<String> locales) {
        this.locales = locales;
    }

    public List<String> getSegments() {
        return segments;
    }

    public void setSegments(List<String> segments) {
        this.segments = segments;
    }
}
