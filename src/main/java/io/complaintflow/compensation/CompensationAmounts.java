package io.complaintflow.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;

final class CompensationAmounts {
    private CompensationAmounts() {
    }

    /** Forms and the policy table hand amounts over as integers, doubles or text. */
    static BigDecimal of(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("compensationAmount is required");
        }
        BigDecimal amount = new BigDecimal(value.toString().trim()).setScale(2, RoundingMode.HALF_UP);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("compensationAmount must not be negative");
        }
        return amount;
    }
}
