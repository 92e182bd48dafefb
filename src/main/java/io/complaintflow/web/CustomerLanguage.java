package io.complaintflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The language a customer page asked for (Accept-Language; the portal's scripts send the language chosen on the
 * page): Chinese for any zh, else English, the two the portal and the mails speak.
 */
public final class CustomerLanguage {
    private CustomerLanguage() {
    }

    public static Locale of(HttpServletRequest request) {
        return "zh".equals(request.getLocale().getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
