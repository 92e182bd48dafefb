package io.complaintflow.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from its templates in {@code src/main/resources/mail/<language>/}: {@code <name>.txt} (first line
 * "Subject: …", then the plain-text body) and {@code <name>.html}. HTML templates escape every value.
 */
@Component
public class MailTemplates {
    public static final Set<String> LANGUAGES = Set.of("en", "zh-CN");
    public static final String DEFAULT_LANGUAGE = "en";
    private static final String SUBJECT = "Subject: ";

    public record Mail(String template, String subject, String text, String html) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public MailTemplates() {
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The complaint's locale if we write in it, else English. */
    public static String languageOf(String locale) {
        return locale != null && LANGUAGES.contains(locale) ? locale : DEFAULT_LANGUAGE;
    }

    /** Renders with the model's values; {@code ticketTag} ("[CF-…]", which every subject starts with) comes from {@code ticket}. */
    public Mail render(String name, String language, Map<String, Object> model) {
        Map<String, Object> values = new java.util.HashMap<>(model);
        values.put("ticketTag", "[" + model.get("ticket") + "]");
        Context context = new Context(Locale.forLanguageTag(language), values);
        String lang = languageOf(language);
        String text = engine.process(lang + "/" + name + ".txt", context);
        int endOfSubject = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || endOfSubject < 0) {
            throw new IllegalStateException("mail/" + lang + "/" + name + ".txt must start with \"Subject: \"");
        }
        return new Mail(name, text.substring(SUBJECT.length(), endOfSubject).trim(), text.substring(endOfSubject + 1).strip() + "\n",
                engine.process(lang + "/" + name + ".html", context));
    }
}
