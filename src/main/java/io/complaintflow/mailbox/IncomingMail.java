package io.complaintflow.mailbox;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import org.apache.commons.codec.digest.DigestUtils;

/** What the mailbox needs to know of one mail, read once; reading problems become a quarantine reason. */
public record IncomingMail(String messageKey, InternetAddress from, String subject, String text, int size,
                           String inReplyTo, String references, String autoSubmitted, String precedence,
                           String returnPath, boolean isReport, boolean hasLoopHeader, int receivedHops,
                           boolean autoReplyHeader) {

    public static final String LOOP_HEADER = "X-ComplaintFlow-Loop";

    /** The mail could not be read: why, for the quarantine log. */
    public static class Unreadable extends Exception {
        public Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    public static IncomingMail read(MimeMessage m) throws Unreadable {
        try {
            Address[] from = m.getFrom();
            return new IncomingMail(key(m), from == null || from.length == 0 ? null : (InternetAddress) from[0],
                    m.getSubject(), text(m), m.getSize(), header(m, "In-Reply-To"), header(m, "References"),
                    header(m, "Auto-Submitted"), header(m, "Precedence"), header(m, "Return-Path"),
                    m.isMimeType("multipart/report"), m.getHeader(LOOP_HEADER) != null,
                    m.getHeader("Received") == null ? 0 : m.getHeader("Received").length,
                    m.getHeader("X-Autoreply") != null || m.getHeader("X-Autorespond") != null);
        } catch (UnsupportedEncodingException e) {
            throw new Unreadable("unreadable encoding: " + e.getMessage(), e);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new Unreadable("unreadable mail: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A fixed-length key from the Message-ID (or, without one, from the mail's headers and size). */
    private static String key(MimeMessage m) throws MessagingException {
        String id = m.getMessageID();
        String basis = id != null ? id.trim() : m.getSentDate() + "|" + header(m, "From") + "|" + m.getSubject() + "|" + m.getSize();
        return "mail:" + DigestUtils.sha256Hex(basis);
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        return m.getHeader(name, " ");
    }

    /** The plain-text part, or the HTML part without its tags. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("text/html")) {
            return part.getContent().toString().replaceAll("(?s)<(script|style).*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                    .replaceAll("&nbsp;", " ").replaceAll("[ \\t]+", " ").trim();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
                    continue;
                }
                if (body.isMimeType("text/plain")) {
                    return body.getContent().toString();
                }
                String inner = text(body);
                if (inner != null && html == null) {
                    html = inner;
                }
            }
            return html;
        }
        return null;
    }

    /** Whether the mail was written by a machine: auto-replies, out-of-office notes, bounces. */
    public boolean isAutomatic() {
        String returnPathValue = returnPath == null ? "" : returnPath.trim();
        String sender = from == null ? "" : from.getAddress().toLowerCase();
        return (autoSubmitted != null && !autoSubmitted.trim().equalsIgnoreCase("no"))
                || autoReplyHeader
                || (precedence != null && precedence.trim().toLowerCase().matches("bulk|junk|list|auto_reply"))
                || returnPathValue.equals("<>")
                || isReport
                || sender.startsWith("mailer-daemon@") || sender.startsWith("postmaster@");
    }
}
