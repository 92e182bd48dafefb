package io.complaintflow.compensation;

import io.complaintflow.engine.EngineClock;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Default gateway: records a voucher in our own database, once per complaint and round. */
@Component
public class VoucherCompensationGateway implements CompensationGateway {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcTemplate jdbc;

    public VoucherCompensationGateway(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Issued issue(long complaintId, int round, String kind, BigDecimal amount) {
        var existing = jdbc.queryForList("SELECT code FROM compensation_voucher WHERE complaint_id = ? AND round = ?",
                String.class, complaintId, round);
        if (!existing.isEmpty()) {
            return new Issued(existing.get(0));
        }
        String code = newCode(kind);
        jdbc.update("INSERT INTO compensation_voucher (complaint_id, round, code, kind, amount, issued_at) VALUES (?, ?, ?, ?, ?, ?)",
                complaintId, round, code, kind, amount, EngineClock.now());
        return new Issued(code);
    }

    private static String newCode(String kind) {
        StringBuilder code = new StringBuilder(kind.toUpperCase(Locale.ROOT)).append('-');
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
