package io.complaintflow.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/** At most {@code requests} within {@code period}, refilled evenly: a Bucket4j token bucket per client. */
public record RateLimit(int requests, Duration period) {
    Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build()).build();
    }
}
