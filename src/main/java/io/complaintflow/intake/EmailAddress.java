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

    /** Why the address would not be delivered, or null when it would. */
    static String problem(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
                return "must be a bare e-mail address such as name@example.com, without a name or comment";
            }
        } catch (AddressException e) {
            return "is not an e-mail address";
        }
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            return "has a part before @ that mail servers do not accept";
        }
        String[] labels = domain.split("\\.", -1);
        if (domain.length() > 253 || labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return "must end in a domain such as example.com";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "has a domain that is not a host name (letters, digits and inner hyphens; xn-- for non-Latin names)";
            }
        }
        return null;
    }
}
