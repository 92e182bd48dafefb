package io.complaintflow.migration;

import io.complaintflow.web.ApiErrors;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators only (see security.HttpSurfaces). A dry run unless {@code "dryRun": false}: 200 with what would
 * move; 409 when something cannot move (nothing is migrated); 202 with the batch id when the migration started.
 */
@RestController
@RequestMapping("/api/admin/migrations")
public class MigrationController {
    static final String LIFECYCLE = "complaint-handling";

    private final LifecycleMigration migration;

    public MigrationController(LifecycleMigration migration) {
        this.migration = migration;
    }

    public record Request(String processDefinitionKey, Integer fromVersion, Integer toVersion, Boolean dryRun) {
    }

    @PostMapping
    public ResponseEntity<LifecycleMigration.Report> migrate(@RequestBody Request request) {
        if (request.fromVersion() == null) {
            throw ApiErrors.BadRequest.of("fromVersion", "is required: the version whose running instances move");
        }
        String key = request.processDefinitionKey() == null ? LIFECYCLE : request.processDefinitionKey().trim();
        boolean dryRun = request.dryRun() == null || request.dryRun();
        LifecycleMigration.Report report = migration.migrate(key, request.fromVersion(), request.toVersion(), dryRun);
        HttpStatus status = !report.valid() ? HttpStatus.CONFLICT : report.batchId() != null ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(report);
    }

    @ExceptionHandler(LifecycleMigration.UnknownVersionException.class)
    ResponseEntity<ApiErrors.Problem> unknownVersion(LifecycleMigration.UnknownVersionException e) {
        return ApiErrors.problem(HttpStatus.BAD_REQUEST, "Bad Request", List.of(new ApiErrors.FieldProblem(e.field(), e.getMessage())));
    }
}
