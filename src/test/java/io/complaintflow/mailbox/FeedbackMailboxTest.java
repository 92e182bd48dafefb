package io.complaintflow.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.EventKind;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The feedback mailbox against a real IMAP server (GreenMail): new tickets, replies, duplicates, quarantine. */
@TestPropertySource(properties = {
        "complaintflow.mailbox.host=127.0.0.1",
        "complaintflow.mailbox.port=" + FeedbackMailboxTest.IMAP_PORT,
        "complaintflow.mailbox.username=feedback@complaintflow.local",
        "complaintflow.mailbox.password=secret",
        "complaintflow.mailbox.max-message-bytes=200000"})
class FeedbackMailboxTest extends ComplaintFlowTestBase {
    static final int IMAP_PORT = 39143;
    private static final String CUSTOMER = "zhang.wei@example.com";

    @RegisterExtension
    static final GreenMailExtension imap = new GreenMailExtension(new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));

    @Autowired FeedbackMailbox mailbox;
    GreenMailUser feedback;

    @BeforeEach
    void feedbackInbox() {
        feedback = imap.setUser("feedback@complaintflow.local", "feedback@complaintflow.local", "secret");
    }

    private MimeMessage mailFrom(String from, String subject, String text, String messageId) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        if (from != null) {
            m.setFrom(new InternetAddress(from, "张伟", "UTF-8"));
        }
        m.setRecipients(Message.RecipientType.TO, "feedback@complaintflow.local");
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        // saved first, so delivery keeps our Message-ID instead of generating a new one
        m.saveChanges();
        m.setHeader("Message-ID", messageId);
        return m;
    }

    private int count(String folder) throws Exception {
        Properties p = new Properties();
        try (Store store = Session.getInstance(p).getStore("imap")) {
            store.connect("127.0.0.1", IMAP_PORT, "feedback@complaintflow.local", "secret");
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return 0;
            }
            f.open(Folder.READ_ONLY);
            int n = f.getMessageCount();
            f.close(false);
            return n;
        }
    }

    private List<MailHandling.Result> poll() throws Exception {
        List<MailHandling.Result> results = mailbox.pollOnce();
        executeDueJobs();
        return results;
    }

    @Test
    void aNewMailBecomesAChineseTicketAndIsAcknowledgedOnce() throws Exception {
        String text = "我昨天下单后被扣款两次，订单号 20261122-8899，请尽快退款。";
        feedback.deliver(mailFrom(CUSTOMER, "重复扣款", text, "<a1@example.com>"));
        feedback.deliver(mailFrom(CUSTOMER, "重复扣款", text, "<a1@example.com>"));

        List<MailHandling.Result> results = poll();
        assertThat(results).extracting(MailHandling.Result::outcome)
                .containsExactly(MailHandling.Outcome.NEW_COMPLAINT, MailHandling.Outcome.ALREADY_HANDLED);
        Complaint c = complaints.findByTicketNumber(results.get(0).ticketNumber()).orElseThrow();
        assertThat(c.channel()).isEqualTo("email");
        assertThat(c.locale()).isEqualTo("zh-CN");
        assertThat(c.subject()).isEqualTo("重复扣款");
        assertThat(c.description()).isEqualTo(text);
        assertThat(c.customer().name()).isEqualTo("张伟");
        MimeMessage ack = mailsAbout(c.ticketNumber()).get(0);
        assertThat(ack.getSubject()).isEqualTo("[" + c.ticketNumber() + "] 我们已收到您的反馈");
        assertThat(recipients(ack)).containsExactly(CUSTOMER);
        assertThat(textOf(ack)).contains("张伟，您好", "重复扣款");
        assertThat(mailsAbout(c.ticketNumber())).hasSize(1);
        assertThat(count("INBOX")).isZero();
        assertThat(count("Processed")).isEqualTo(2);
    }

    @Test
    void aReplyAnswersTheInformationRequestEvenWithoutTheTicketInTheSubject() throws Exception {
        Complaint c = submit("problem", "usage", "standard");
        executeDueJobs();
        complete(c, "ConfirmComplaint", "agent1", Map.of("confirmation", "needsInformation",
                "informationRequest", "请问您使用的是哪个浏览器？"));
        MimeMessage question = mailsAbout("需要您补充信息").isEmpty() ? mailsAbout("We need more information").get(0)
                : mailsAbout("需要您补充信息").get(0);
        MimeMessage reply = mailFrom("mei.lin@example.com", "Re: my problem", "Chrome 130，Windows 11", "<r1@example.com>");
        reply.setHeader("In-Reply-To", question.getMessageID());
        feedback.deliver(reply);

        assertThat(poll()).extracting(MailHandling.Result::outcome).containsExactly(MailHandling.Outcome.REPLY);
        assertThat(timeline.latest(c.id(), EventKind.CUSTOMER_REPLIED).orElseThrow().detail()).isEqualTo("Chrome 130，Windows 11");
        BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("ReviewInformation");
    }

    @Test
    void aReplyWhileTheFixIsWatchedAsksTheSupervisorsToReopen() throws Exception {
        Complaint c = resolved();
        moveClockBy(Duration.ofDays(1));
        feedback.deliver(mailFrom("mei.lin@example.com", "Re: [" + c.ticketNumber() + "] Your complaint has been resolved",
                "还是不行，今天早上又出现了。", "<r3@example.com>"));

        assertThat(poll()).extracting(MailHandling.Result::reason).containsExactly("asked to reopen");
        BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("ReviewReopen");
        complete(c, "ReviewReopen", "supervisor", Map.of("reopen", true));
        assertThat(reload(c).tier()).isEqualTo("L2");
        assertThat(reload(c).reopenCount()).isEqualTo(1);
    }

    private Complaint resolved() {
        Complaint c = confirmedGeneralProblem();
        complete(c, "DecideSolution", "agent1", Map.of("solution", "Cleared the cache", "rootCause", "Stale cache",
                "approvalNeeded", false));
        complete(c, "ImplementSolution", "agent1", Map.of("implementation", "resolved"));
        return c;
    }

    @Test
    void aReplyWhileTheSurveyIsOpenAsksTheSupervisorsToReopen() throws Exception {
        Complaint c = resolved();
        moveClockBy(Duration.ofDays(3).plusMinutes(1));
        feedback.deliver(mailFrom("mei.lin@example.com", "Re: [" + c.ticketNumber() + "] How did we do?",
                "It is broken again since this morning.", "<r2@example.com>"));

        assertThat(poll()).extracting(MailHandling.Result::reason).containsExactly("asked to reopen");
        BpmnAwareTests.assertThat(processOf(c)).isWaitingAt("ReviewReopen");
    }

    @Test
    void badMailGoesToQuarantineWithoutStoppingThePollAndAutoRepliesGetNoAcknowledgement() throws Exception {
        feedback.deliver(mailFrom(null, "no sender", "hello", "<b1@example.com>"));
        MimeMessage outOfOffice = mailFrom(CUSTOMER, "Automatic reply: out of office", "I am away", "<b2@example.com>");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        feedback.deliver(outOfOffice);
        feedback.deliver(mailFrom("MAILER-DAEMON@mx.example.com", "Undelivered Mail Returned to Sender", "bounce", "<b3@example.com>"));
        MimeMessage loop = mailFrom(CUSTOMER, "[CF-2026-000001] We have received your message", "ack", "<b4@example.com>");
        loop.setHeader(IncomingMail.LOOP_HEADER, "1");
        feedback.deliver(loop);
        feedback.deliver(mailFrom(CUSTOMER, "huge", "x".repeat(25_000), "<b5@example.com>"));
        String raw = "From: zhang.wei@example.com\r\nSubject: garbled\r\nMessage-ID: <b6@example.com>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n\u00ff\u00fe garbled\r\n";
        MimeMessage garbled = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        feedback.deliver(garbled);
        MimeMessage withVideo = mailFrom(CUSTOMER, "screen recording", "see the video", "<b7@example.com>");
        jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("see the video", "UTF-8");
        jakarta.mail.internet.MimeBodyPart video = new jakarta.mail.internet.MimeBodyPart();
        video.setContent(new byte[300_000], "application/octet-stream");
        video.setFileName("recording.mp4");
        parts.addBodyPart(text);
        parts.addBodyPart(video);
        withVideo.setContent(parts);
        withVideo.saveChanges();
        withVideo.setHeader("Message-ID", "<b7@example.com>");
        feedback.deliver(withVideo);
        feedback.deliver(mailFrom(CUSTOMER, "App crashes on start", "Since the update the app crashes.", "<g1@example.com>"));

        List<MailHandling.Result> results = poll();
        assertThat(results).extracting(MailHandling.Result::reason).containsExactly(
                "no sender", "auto-reply or bounce", "auto-reply or bounce", "mail loop", "body too long: 25000 characters",
                results.get(5).reason(), results.get(6).reason(), null);
        assertThat(results.get(5).reason()).startsWith("unreadable");
        assertThat(results.get(6).reason()).startsWith("too big: ");
        assertThat(results.get(7).outcome()).isEqualTo(MailHandling.Outcome.NEW_COMPLAINT);
        assertThat(count("Quarantine")).isEqualTo(7);
        assertThat(count("Processed")).isEqualTo(1);
        assertThat(count("INBOX")).isZero();
        // only the good mail was acknowledged
        assertThat(mailSubjects()).singleElement().asString().contains("We have received your message");
    }
}
