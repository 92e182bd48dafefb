package io.complaintflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The portal's limits per client address: filing (or asking for a link) and looking up are counted apart; past a limit, 429. */
class PortalRateLimitTest {
    private final PortalRateLimit limit = new PortalRateLimit(new RateLimit(2, Duration.ofHours(1)),
            new RateLimit(3, Duration.ofMinutes(10)), messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private MockHttpServletResponse post(String path, String address, String language) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path.replace("%63", "c"));
        request.setRemoteAddr(address);
        if (language != null) {
            request.addHeader("Accept-Language", language);
            request.setPreferredLocales(java.util.List.of(java.util.Locale.forLanguageTag(language)));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void theThirdComplaintWithinTheHourFromOneAddressWaitsHalfAnHour() throws Exception {
        assertThat(post("/api/portal/complaints", "203.0.113.5", null).getStatus()).isEqualTo(200);
        assertThat(post("/api/portal/complaints", "203.0.113.5", null).getHeader("X-Rate-Limit-Remaining")).isEqualTo("0");
        MockHttpServletResponse third = post("/api/portal/complaints", "203.0.113.5", null);
        assertThat(third.getStatus()).isEqualTo(429);
        // two per hour, refilled evenly: the next one in 30 minutes
        assertThat(third.getHeader("Retry-After")).isEqualTo("1800");
        assertThat(third.getContentAsString()).contains("Too many requests from your address; please try again in 1800 seconds.");
        assertThat(post("/api/portal/complaints", "198.51.100.7", null).getStatus()).as("another address").isEqualTo(200);
    }

    @Test
    void anEncodedPathOrAnotherAddressOfTheSameIpv6NetworkIsCountedAsTheSame() throws Exception {
        assertThat(post("/api/portal/complaints", "2001:db8:1:2::10", null).getStatus()).isEqualTo(200);
        assertThat(post("/api/portal/%63omplaints", "2001:db8:1:2:ffff::1", null).getStatus()).isEqualTo(200);
        assertThat(post("/api/portal/complaints", "2001:db8:1:2:0:0:0:99", null).getStatus()).isEqualTo(429);
        assertThat(post("/api/portal/complaints", "2001:db8:1:3::10", null).getStatus()).as("another /64").isEqualTo(200);
        assertThat(RateLimit.client("203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(RateLimit.client("2001:db8:1:2::10")).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void askingForNewLinksCountsLikeFilingComplaintsSoNobodyCanFloodAnInbox() throws Exception {
        assertThat(post("/api/portal/complaints", "203.0.113.12", null).getStatus()).isEqualTo(200);
        assertThat(post("/api/portal/new-link", "203.0.113.12", null).getStatus()).isEqualTo(200);
        assertThat(post("/api/portal/new-link", "203.0.113.12", null).getStatus()).isEqualTo(429);
        assertThat(post("/api/portal/progress", "203.0.113.12", null).getStatus()).as("lookups have their own limit").isEqualTo(200);
    }

    @Test
    void lookupsAreCountedApartFromComplaintsAndRefusedInTheCustomersLanguage() throws Exception {
        post("/api/portal/complaints", "203.0.113.9", null);
        post("/api/portal/complaints", "203.0.113.9", null);
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/portal/progress", "203.0.113.9", "zh-CN").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse fourth = post("/api/portal/surveys", "203.0.113.9", "zh-CN");
        assertThat(fourth.getStatus()).isEqualTo(429);
        assertThat(fourth.getHeader("Retry-After")).isEqualTo("200");
        assertThat(fourth.getContentAsString()).contains("来自您地址的请求过多，请在 200 秒后重试。");
    }
}
