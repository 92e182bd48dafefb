package io.complaintflow.compensation;

import java.math.BigDecimal;

/**
 * The port to whatever pays the customer (coupon system, payment provider, loyalty points).
 * Implementations must be idempotent per complaint and round: the engine retries a failed issue job.
 */
public interface CompensationGateway {
    record Issued(String code) {
    }

    Issued issue(long complaintId, int round, String kind, BigDecimal amount);
}
