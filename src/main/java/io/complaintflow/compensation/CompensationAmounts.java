package io.complaintflow.compensation;

import org.camunda.bpm.engine.BadUserRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;

final class CompensationAmounts {
    private CompensationAmounts() {
    }

    /** Forms and the policy table hand amounts over as integers, doubles or text. */
    static BigDecimal of(Object value) {
        if (value == null) {
            throw new BadUserRequestException("compensationAmount is required");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.toString().trim()).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException | ArithmeticException notANumber) {
            throw new BadUserRequestException("compensationAmount must be a number, e.g. 20 or 19.90");
        }
        if (amount.signum() < 0) {
            throw new BadUserRequestException("compensationAmount must not be negative");
        }
        return amount;
    }
}
