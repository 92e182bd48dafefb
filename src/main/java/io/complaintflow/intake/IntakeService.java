package io.complaintflow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import io.complaintflow.engine.EngineClock;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a complaint and starts its lifecycle in one transaction: either the complaint, its ticket
 * number, its triage and its process all exist, or none of them does.
 */
@Service
public class IntakeService {
    public static final String PROCESS_KEY = "complaint-handling";

    public record Receipt(Complaint complaint, boolean replayed) {
    }

    private final SubmissionValidator validator;
    private final ComplaintRepository complaints;
    private final Timeline timeline;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public IntakeService(SubmissionValidator validator, ComplaintRepository complaints, Timeline timeline,
                         RuntimeService runtimeService, JdbcTemplate jdbc, ObjectMapper json) {
        this.json = json;
        this.validator = validator;
        this.complaints = complaints;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
    }

    /** The same Idempotency-Key was sent before with a different complaint. */
    public static class KeyReusedException extends RuntimeException {
        KeyReusedException() {
            super("This Idempotency-Key was used for a different complaint; use a new key for a new complaint");
        }
    }

    @Transactional
    public Receipt submit(ComplaintSubmission submission, String idempotencyKey) {
        return submit(submission, idempotencyKey, Locale.ENGLISH);
    }

    /** As above; a refusal names the bad fields in {@code language} (the portal's customer reads it). */
    @Transactional
    public Receipt submit(ComplaintSubmission submission, String idempotencyKey, Locale language) {
        Optional<Receipt> earlier = replay(idempotencyKey, submission);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SubmissionValidator.Valid valid = validator.validate(submission, language);
        Complaint complaint = complaints.create(valid.complaint(), valid.segment(), EngineClock.now());
        if (idempotencyKey != null) {
            jdbc.update("INSERT INTO intake_request (idempotency_key, complaint_id, created_at, request_hash) VALUES (?, ?, ?, ?)",
                    idempotencyKey, complaint.id(), EngineClock.now(), fingerprint(submission));
        }
        timeline.record(complaint.id(), Timeline.CUSTOMER, EventKind.RECEIVED, "via " + complaint.channel());
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(complaint.ticketNumber())
                .setVariable(Vars.COMPLAINT_ID, complaint.id())
                .execute();
        return new Receipt(complaints.get(complaint.id()), false);
    }

    /** The receipt of the complaint first sent with this key, if it was the same complaint; else refused. */
    @Transactional(readOnly = true)
    public Optional<Receipt> replay(String idempotencyKey, ComplaintSubmission submission) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT complaint_id, request_hash FROM intake_request WHERE idempotency_key = ?",
                (row, n) -> {
                    String hash = row.getString("request_hash");
                    if (hash != null && !hash.equals(fingerprint(submission))) {
                        throw new KeyReusedException();
                    }
                    return new Receipt(complaints.get(row.getLong("complaint_id")), true);
                }, idempotencyKey).stream().findFirst();
    }

    private String fingerprint(ComplaintSubmission submission) {
        try {
            return DigestUtils.sha256Hex(json.writeValueAsBytes(submission));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
