package io.complaintflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/** At most {@code requests} within {@code period}, refilled evenly: a Bucket4j token bucket per client. */
public record RateLimit(int requests, Duration period) {
    /** The buckets of this limit, one per key (an address, an account at an address). */
    Buckets perKey() {
        return new Buckets(this);
    }

    /** A key's bucket is forgotten after a period without use (it is full again by then); at most 100,000 are kept. */
    static final class Buckets {
        private final RateLimit limit;
        private final Cache<String, Bucket> buckets;

        private Buckets(RateLimit limit) {
            this.limit = limit;
            this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(limit.period()).build();
        }

        Bucket of(String key) {
            return buckets.get(key, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.requests())
                    .refillGreedy(limit.requests(), limit.period()).build()).build());
        }
    }
}
