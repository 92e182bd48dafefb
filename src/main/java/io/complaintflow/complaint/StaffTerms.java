package io.complaintflow.complaint;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A complaint's codes as the staff's bilingual forms show them: "urgent · 紧急", the code as stored (what reports,
 * filters and the tables use) and its Chinese name from messages_zh_CN.properties ({@code term.<field>.<code>}).
 * A code added by configuration without a name there shows alone.
 */
@Component
public class StaffTerms {
    private final MessageSource messages;

    public StaffTerms(MessageSource messages) {
        this.messages = messages;
    }

    public String shown(String field, String code) {
        if (code == null) {
            return null;
        }
        String chinese = messages.getMessage("term." + field + "." + code, null, null, Locale.SIMPLIFIED_CHINESE);
        return chinese == null ? code : code + " · " + chinese;
    }
}
