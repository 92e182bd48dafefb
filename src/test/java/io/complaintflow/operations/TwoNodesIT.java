package io.complaintflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the packaged jar on one PostgreSQL, with a real SMTP and IMAP server, as an operator runs them
 * behind the proxy. Complaints come in through both, agents work on either, SLA breaches fall due while both run,
 * and one node is killed with SIGKILL while it holds jobs (README "Run in production").
 */
class TwoNodesIT {
    static final String ADMIN = "opsadmin";
    static final String ADMIN_PASSWORD = "Ops-Console-2026!";
    static final String AGENT = "l1agent";
    static final String SUPERVISOR = "sup1";
    static final String STAFF_PASSWORD = "Queue&Tasks-4711";
    static final String MAILBOX = "feedback@complaintflow.local";
    static final String MAILBOX_PASSWORD = "Inbox-Secret-99";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The complaints filed on the web; the one the mailbox made waits unanswered too. */
    static final String HANDED_OVER_WEB_COMPLAINTS = "SELECT COUNT(DISTINCT e.complaint_id) FROM complaint_event e "
            + "JOIN complaint c ON c.id = e.complaint_id WHERE e.kind = 'HANDED_TO_SUPERVISORS' AND c.channel = 'web'";

    static EmbeddedPostgres postgres;
    static GreenMail mail;
    static JdbcTemplate db;
    static JarNode a;
    static JarNode b;
    static SlowRelay slowMailServer;

    @BeforeAll
    static void startTwoNodesOnAnEmptyDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        db = new JdbcTemplate(postgres.getPostgresDatabase());
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(JarNode.freePort(), "127.0.0.1", "smtp"),
                new ServerSetup(JarNode.freePort(), "127.0.0.1", "imap")});
        mail.setUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD);
        mail.start();
        Map<String, String> env = new HashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "prod",
                "COMPLAINTFLOW_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "COMPLAINTFLOW_DB_USER", "postgres",
                "COMPLAINTFLOW_DB_PASSWORD", "Db-Pass-2026!",
                "COMPLAINTFLOW_ADMIN_USER", ADMIN,
                "COMPLAINTFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "COMPLAINTFLOW_SMTP_HOST", "127.0.0.1",
                "COMPLAINTFLOW_SMTP_PORT", String.valueOf(mail.getSmtp().getPort())));
        env.putAll(Map.of(
                "COMPLAINTFLOW_MAILBOX_ENABLED", "true",
                "COMPLAINTFLOW_MAILBOX_PROTOCOL", "imap",
                "COMPLAINTFLOW_MAILBOX_HOST", "127.0.0.1",
                "COMPLAINTFLOW_MAILBOX_PORT", String.valueOf(mail.getImap().getPort()),
                "COMPLAINTFLOW_MAILBOX_USER", MAILBOX,
                "COMPLAINTFLOW_MAILBOX_PASSWORD", MAILBOX_PASSWORD));
        List<String> quickSchedules = List.of("--complaintflow.mailbox.poll-interval=PT2S",
                "--complaintflow.notification.supervisor-digest-every=PT5S");
        List<String> oneExecutorThread = new ArrayList<>(quickSchedules);
        // node A works its jobs one at a time through a slow mail server, so it holds locked jobs when it is killed
        oneExecutorThread.addAll(List.of("--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1"));
        slowMailServer = new SlowRelay(mail.getSmtp().getPort(), Duration.ofSeconds(2));
        Map<String, String> envA = new HashMap<>(env);
        envA.put("COMPLAINTFLOW_SMTP_PORT", String.valueOf(slowMailServer.port()));
        // the same moment, an empty database: one creates the schema while the other waits for Flyway's lock
        a = JarNode.start("node-a", envA, oneExecutorThread);
        b = JarNode.start("node-b", env, quickSchedules);
        a.awaitReady(Duration.ofMinutes(4));
        b.awaitReady(Duration.ofMinutes(4));
        createStaff();
        deploySlaTableInSeconds();
    }

    @AfterAll
    static void stop() throws Exception {
        for (JarNode node : new JarNode[] {a, b}) {
            if (node != null && node.alive()) {
                node.kill();
            }
        }
        if (slowMailServer != null) {
            slowMailServer.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void bothNodesShareTheWorkAndTheSurvivorFinishesWhatAKilledNodeHeld() throws Exception {
        assertThat(count("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '0.1' AND success"))
                .as("Camunda's tables made once, by Flyway").isEqualTo(1);
        // one node at a time deploys and sets up (StartupLock): nothing twice although both started at once
        assertThat(db.queryForList("SELECT name_ FROM act_ru_filter ORDER BY name_", String.class)).containsExactly(
                "L1 queue · 一线队列", "L2 queue · 二线队列", "L3 queue · 三线队列", "Product owners queue · 产品负责人队列", "Supervisors queue · 主管队列");
        assertThat(db.queryForList("SELECT key_ FROM act_re_procdef ORDER BY key_", String.class))
                .containsExactly("complaint-handling", "customer-message", "mass-incident", "spike-investigation", "spike-watch", "staff-notice",
                        "supervisor-alerts");
        GreenMailUtil.sendTextEmail(MAILBOX, "reader@example.com", "Parcel never arrived",
                "My parcel 77 never arrived.", mail.getSmtp().getServerSetup());

        Map<String, String> accepted = new TreeMap<>();
        Set<String> confirmed = new HashSet<>();
        for (int n = 1; n <= 12; n++) {
            JarNode node = n % 2 == 0 ? a : b;
            String ticket = file(node, n);
            accepted.put(ticket, "customer" + n + "@example.com");
            if (n <= 4) {
                confirm(n % 3 == 0 ? b : a, ticket);
                confirmed.add(ticket);
            }
        }
        String session = loginOnOneNodeUsedOnTheOther();

        for (int n = 13; n <= 20; n++) {
            accepted.put(file(n % 2 == 0 ? a : b, n), "customer" + n + "@example.com");
        }
        String lockOwnerA = lockOwner(a);
        await("node A holds jobs").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10))
                .until(() -> lockedBy(lockOwnerA).size() >= 3);
        a.kill();
        Instant killedAt = Instant.now();
        List<String> heldByTheDeadNode = lockedBy(lockOwnerA);
        assertThat(heldByTheDeadNode).as("jobs node A held when it died").isNotEmpty();

        String answered = file(b, 21);
        accepted.put(answered, "customer21@example.com");
        accepted.put(file(b, 22), "customer22@example.com");
        confirm(b, answered);
        confirmed.add(answered);

        await("the survivor runs the dead node's jobs").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> stillThere(heldByTheDeadNode) == 0);
        Duration takenOver = Duration.between(killedAt, Instant.now());
        System.out.printf("two-nodes: %d jobs held by the killed node were done by the survivor %d s after the kill%n",
                heldByTheDeadNode.size(), takenOver.toSeconds());
        assertThat(takenOver).isLessThan(Duration.ofMinutes(1));

        Set<String> unconfirmed = new HashSet<>(accepted.keySet());
        unconfirmed.removeAll(confirmed);
        await("every unanswered complaint handed to the supervisors and every alert mailed")
                .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(HANDED_OVER_WEB_COMPLAINTS) == unconfirmed.size()
                        && count("SELECT COUNT(*) FROM supervisor_alert WHERE notified_at IS NULL") == 0);

        everyAcceptedComplaintReachedItsState(accepted.keySet(), confirmed, unconfirmed);
        everyBreachRecordedOnce(unconfirmed);
        everyMailSentOnce(accepted);
        theDigestWentOutOncePerBatchOfAlerts();
        assertThat(count("SELECT COUNT(*) FROM complaint WHERE subject = 'Parcel never arrived'"))
                .as("one ticket for the mail although both nodes poll the mailbox").isEqualTo(1);
        assertThat(whoIsLoggedIn(b, session)).as("the webapp login survives its node").isEqualTo(AGENT);
        metricsOnTheSurvivor();
    }

    private static void everyAcceptedComplaintReachedItsState(Set<String> accepted, Set<String> confirmed, Set<String> unconfirmed) {
        assertThat(db.queryForList("SELECT ticket_number FROM complaint WHERE channel = 'web'", String.class))
                .containsExactlyInAnyOrderElementsOf(accepted);
        for (String ticket : confirmed) {
            assertThat(db.queryForMap("SELECT confirmed_at, first_response_breached_at FROM complaint WHERE ticket_number = ?", ticket))
                    .as(ticket).satisfies(row -> {
                        assertThat(row.get("confirmed_at")).isNotNull();
                        assertThat(row.get("first_response_breached_at")).isNull();
                    });
        }
        for (String ticket : unconfirmed) {
            assertThat(db.queryForMap("SELECT first_response_breached_at, confirmed_at FROM complaint WHERE ticket_number = ?", ticket))
                    .as(ticket).satisfies(row -> {
                        assertThat(row.get("first_response_breached_at")).isNotNull();
                        assertThat(row.get("confirmed_at")).isNull();
                    });
        }
    }

    private static void everyBreachRecordedOnce(Set<String> unconfirmed) {
        assertThat(db.queryForList("SELECT complaint_id FROM complaint_event WHERE kind = 'SLA_BREACHED' "
                + "GROUP BY complaint_id, detail HAVING COUNT(*) > 1", Long.class)).as("a breach recorded twice").isEmpty();
        assertThat(db.queryForList("SELECT c.ticket_number FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id "
                + "WHERE e.kind = 'SLA_BREACHED' AND e.detail LIKE 'first response%' AND c.channel = 'web'", String.class))
                .containsExactlyInAnyOrderElementsOf(unconfirmed);
        assertThat(count(HANDED_OVER_WEB_COMPLAINTS.replace("DISTINCT e.complaint_id", "*"))).as("handed over once each").isEqualTo(unconfirmed.size());
    }

    /** One Message-ID per mail: a resend after the kill (the one window SMTP cannot close) keeps it. */
    private static void everyMailSentOnce(Map<String, String> accepted) throws MessagingException {
        Map<String, Set<String>> idsByRecipientAndSubject = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String to = InternetAddress.toString(message.getRecipients(Message.RecipientType.TO));
            if (!to.contains(MAILBOX)) {
                idsByRecipientAndSubject.computeIfAbsent(to + " | " + message.getSubject(), k -> new HashSet<>())
                        .add(message.getMessageID());
            }
        }
        assertThat(idsByRecipientAndSubject).allSatisfy((mailTo, ids) -> assertThat(ids).as(mailTo).hasSize(1));
        assertThat(idsByRecipientAndSubject.keySet().stream().map(key -> key.substring(0, key.indexOf(" | "))))
                .as("every customer told their complaint was received").containsAll(accepted.values());
    }

    /**
     * Each digest mail commits its batch of alerts; a second digest for the same alerts would be one Message-ID too many.
     * Two other mails reach the supervisor and are no digest: a warning ("… due soon") of a complaint handed to the
     * supervisors' queue, and the spike watch's alert (twelve complaints of one category within minutes are a spike).
     * Whether either comes before the test ends depends on the machine's speed and the five-minute looks; the spike is
     * raised once, whichever node looks.
     */
    private static void theDigestWentOutOncePerBatchOfAlerts() throws MessagingException {
        Set<String> digests = new HashSet<>();
        Set<String> spikeAlerts = new HashSet<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (!InternetAddress.toString(message.getRecipients(Message.RecipientType.TO)).contains(SUPERVISOR + "@")) {
                continue;
            }
            if (message.getSubject().contains("] Spike: ")) {
                spikeAlerts.add(message.getMessageID());
            } else if (!message.getSubject().endsWith("due soon")) {
                digests.add(message.getMessageID());
            }
        }
        assertThat(spikeAlerts).hasSizeLessThanOrEqualTo(1);
        assertThat(digests).hasSize(count("SELECT COUNT(DISTINCT notified_at) FROM supervisor_alert")).isNotEmpty();
    }

    private static void metricsOnTheSurvivor() {
        assertThat(b.send("GET", "/actuator/prometheus", null, null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(b.send("GET", "/actuator/prometheus", JarNode.basic(AGENT, STAFF_PASSWORD), null, Map.of()).statusCode())
                .isEqualTo(403);
        String metrics = b.send("GET", "/actuator/prometheus", JarNode.basic(ADMIN, ADMIN_PASSWORD), null, Map.of()).body();
        assertThat(metrics).contains("complaintflow_ready{application=\"complaintflow\"} 1.0",
                "complaintflow_incidents_open{application=\"complaintflow\"} 0.0",
                "complaintflow_jobs_oldest_due_seconds{", "complaintflow_complaints_open{", "complaintflow_sla_breaches_total{",
                "complaintflow_mails_sent_total{");
    }

    // ---- the cluster's users, its SLA table, and what customers and agents do on it

    private static void createStaff() {
        for (String[] user : new String[][] {{AGENT, "Lina", "Wong", "agents-l1"}, {SUPERVISOR, "Chen", "Jing", "supervisors"}}) {
            String profile = """
                    {"profile":{"id":"%s","firstName":"%s","lastName":"%s","email":"%s@complaintflow.test"},
                     "credentials":{"password":"%s"}}""".formatted(user[0], user[1], user[2], user[0], STAFF_PASSWORD);
            assertThat(b.send("POST", "/engine-rest/user/create", admin(), profile, Map.of()).statusCode()).isEqualTo(204);
            assertThat(a.send("PUT", "/engine-rest/group/" + user[3] + "/members/" + user[0], admin(), null, Map.of()).statusCode())
                    .isEqualTo(204);
        }
    }

    /** The process owner's way: a new version of the SLA table, here in seconds, deployed through the REST API. */
    private static void deploySlaTableInSeconds() throws IOException {
        String boundary = "complaintflow-it";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsla-in-seconds\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sla-policy.dmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + SlaTableInSeconds.of(java.nio.file.Path.of("processes", "sla-policy.dmn"))
                + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> deployed = b.send("POST", "/engine-rest/deployment/create", admin(), body,
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    }

    private static String file(JarNode node, int n) {
        String complaint = """
                {"channel":"web","type":"complaint","category":"payment","subject":"Order %d charged twice",
                 "description":"The order was charged twice.","locale":"en",
                 "customer":{"name":"Customer %d","email":"customer%d@example.com","segment":"standard"}}""".formatted(n, n, n);
        HttpResponse<String> created = node.send("POST", "/api/complaints", null, complaint, Map.of("Idempotency-Key", "it-" + n));
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        return json(created).get("ticketNumber").asText();
    }

    private static void confirm(JarNode node, String ticket) {
        String agent = JarNode.basic(AGENT, STAFF_PASSWORD);
        String taskId = await("Confirm for " + ticket).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode tasks = json(node.send("GET", "/engine-rest/task?taskDefinitionKey=ConfirmComplaint&processInstanceBusinessKey="
                            + ticket, agent, null, Map.of()));
                    return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
                }, id -> id != null);
        assertThat(node.send("POST", "/engine-rest/task/" + taskId + "/claim", agent, "{\"userId\":\"" + AGENT + "\"}", Map.of())
                .statusCode()).isEqualTo(204);
        HttpResponse<String> done = node.send("POST", "/engine-rest/task/" + taskId + "/complete", agent,
                "{\"variables\":{\"confirmation\":{\"value\":\"confirmed\"}}}", Map.of());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    /** Log into Tasklist on node A through a session whose CSRF token node B issued; returns the session cookie. */
    private static String loginOnOneNodeUsedOnTheOther() {
        HttpResponse<String> first = b.send("GET", "/camunda/api/admin/auth/user/default", null, null, Map.of());
        String session = cookie(first, "SESSION");
        String token = cookie(first, "XSRF-TOKEN");
        assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
                .contains("Secure").contains("HttpOnly"));
        HttpResponse<String> login = a.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null,
                "username=" + AGENT + "&password=" + java.net.URLEncoder.encode(STAFF_PASSWORD, java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + token,
                        "X-XSRF-TOKEN", token));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String loggedIn = cookie(login, "SESSION");
        assertThat(whoIsLoggedIn(b, loggedIn)).as("node B knows the login made on node A").isEqualTo(AGENT);
        return loggedIn;
    }

    private static String whoIsLoggedIn(JarNode node, String session) {
        HttpResponse<String> me = node.send("GET", "/camunda/api/admin/auth/user/default", null, null, Map.of("Cookie", "SESSION=" + session));
        return me.statusCode() == 200 ? json(me).path("userId").asText() : "status " + me.statusCode();
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response.headers()));
    }

    private static String lockOwner(JarNode node) {
        HttpResponse<String> health = node.send("GET", "/actuator/health/readiness", admin(), null, Map.of());
        JsonNode executor = json(health).at("/components/jobExecutor/details/jobExecutor");
        assertThat(executor.path("lockTimeInMillis").asInt()).as("the lock a dead node's jobs wait out").isEqualTo(30_000);
        assertThat(executor.path("lockOwner").asText()).as(health.body()).isNotBlank();
        return executor.path("lockOwner").asText();
    }

    private static List<String> lockedBy(String lockOwner) {
        return db.queryForList("SELECT id_ FROM act_ru_job WHERE lock_owner_ = ?", String.class, lockOwner);
    }

    private static int stillThere(List<String> jobIds) {
        return count("SELECT COUNT(*) FROM act_ru_job WHERE id_ IN ('" + String.join("','", jobIds) + "')");
    }

    private static int count(String sql) {
        return db.queryForObject(sql, Integer.class);
    }

    private static String admin() {
        return JarNode.basic(ADMIN, ADMIN_PASSWORD);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
