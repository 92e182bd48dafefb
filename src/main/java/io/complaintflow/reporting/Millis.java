package io.complaintflow.reporting;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Durations in milliseconds, one per complaint, for an average and an exact 90th percentile. Stored sorted, as the
 * differences between neighbours in variable-length bytes: two or three bytes a complaint instead of eight.
 */
final class Millis {
    private static final BigDecimal MINUTE = BigDecimal.valueOf(60_000);
    private long[] values = new long[8];
    private int size;
    private boolean sorted = true;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        sorted &= size == 0 || values[size - 1] <= value;
        values[size++] = value;
    }

    void addAll(Millis other) {
        if (other.size == 0) {
            return;
        }
        sorted = size == 0 ? other.sorted : sorted && other.sorted && values[size - 1] <= other.values[0];
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    int size() {
        return size;
    }

    BigDecimal averageMinutes() {
        if (size == 0) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return BigDecimal.valueOf(sum).divide(MINUTE.multiply(BigDecimal.valueOf(size)), 1, RoundingMode.HALF_UP);
    }

    /** As SQL's PERCENTILE_CONT(0.9): at position 0.9 × (n − 1) of the sorted values, between two interpolated. */
    BigDecimal p90Minutes() {
        if (size == 0) {
            return null;
        }
        sort();
        long position = 9L * (size - 1);
        int below = (int) (position / 10);
        BigDecimal value = BigDecimal.valueOf(values[below]);
        if (position % 10 != 0) {
            value = value.add(BigDecimal.valueOf(values[below + 1] - values[below])
                    .multiply(BigDecimal.valueOf(position % 10, 1)));
        }
        return value.divide(MINUTE, 1, RoundingMode.HALF_UP);
    }

    byte[] encode() {
        sort();
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * 3);
        long previous = 0;
        for (int i = 0; i < size; i++) {
            // a zig-zag delta: the first value and a negative duration (clock skew) stay small too
            long delta = values[i] - previous;
            long zigzag = (delta << 1) ^ (delta >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                out.write((int) ((zigzag & 0x7F) | 0x80));
                zigzag >>>= 7;
            }
            out.write((int) zigzag);
            previous = values[i];
        }
        return out.toByteArray();
    }

    static Millis decode(byte[] bytes) {
        Millis millis = new Millis();
        long previous = 0;
        for (int i = 0; i < bytes.length; ) {
            long zigzag = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[i++];
                zigzag |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            previous += (zigzag >>> 1) ^ -(zigzag & 1);
            millis.add(previous);
        }
        return millis;
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }
}
