package io.complaintflow.intake;

import io.complaintflow.complaint.Complaint;
import io.complaintflow.complaint.ComplaintRepository;
import io.complaintflow.complaint.EngineClock;
import io.complaintflow.complaint.EventKind;
import io.complaintflow.complaint.Timeline;
import io.complaintflow.complaint.Vars;
import java.util.Optional;
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

    public IntakeService(SubmissionValidator validator, ComplaintRepository complaints, Timeline timeline,
                         RuntimeService runtimeService, JdbcTemplate jdbc) {
        this.validator = validator;
        this.complaints = complaints;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
    }

    @Transactional
    public Receipt submit(ComplaintSubmission submission, String idempotencyKey) {
        Optional<Complaint> earlier = findByIdempotencyKey(idempotencyKey);
        if (earlier.isPresent()) {
            return new Receipt(earlier.get(), true);
        }
        SubmissionValidator.Valid valid = validator.validate(submission);
        Complaint complaint = complaints.create(valid.complaint(), valid.segment(), EngineClock.now());
        if (idempotencyKey != null) {
            jdbc.update("INSERT INTO intake_request (idempotency_key, complaint_id, created_at) VALUES (?, ?, ?)",
                    idempotencyKey, complaint.id(), EngineClock.now());
        }
        timeline.record(complaint.id(), Timeline.CUSTOMER, EventKind.RECEIVED, "via " + complaint.channel());
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(complaint.ticketNumber())
                .setVariable(Vars.COMPLAINT_ID, complaint.id())
                .execute();
        return new Receipt(complaints.get(complaint.id()), false);
    }

    @Transactional(readOnly = true)
    public Optional<Complaint> findByIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT complaint_id FROM intake_request WHERE idempotency_key = ?", Long.class,
                idempotencyKey).stream().findFirst().map(complaints::get);
    }
}
