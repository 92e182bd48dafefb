package io.complaintflow.intake;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;

/**
 * Whether a customer's address is one a mail server will take as it stands: a bare RFC 5322 address parsed
 * strictly by Jakarta Mail (no display name, comment, second address or route), with a dot-atom local part and
 * a DNS host name (ASCII; an internationalised domain in its xn-- form).
 */
final class EmailAddress {
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    private EmailAddress() {
    }

    /** Why the address would not be delivered (a key of messages*.properties), or null when it would. */
    static String problem(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
                return "email.bare";
            }
        } catch (AddressException e) {
            return "email.invalid";
        }
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            return "email.localPart";
        }
        String[] labels = domain.split("\\.", -1);
        if (domain.length() > 253 || labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return "email.domain";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "email.hostName";
            }
        }
        return null;
    }
}
