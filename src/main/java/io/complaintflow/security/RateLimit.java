package io.complaintflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.net.InetAddress;
import java.net.UnknownHostException;
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

    /** An IPv4 address, or an IPv6 address's /64 network: one subscriber gets a whole /64. */
    static String client(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            // a literal (the servlet's remote address always is one): parsed, never looked up
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (bytes.length == 4) {
                return parsed.getHostAddress();  // an IPv4 address written as IPv6 (::ffff:a.b.c.d)
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network + ":/64";
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
