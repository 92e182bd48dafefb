package io.complaintflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.TestHttp;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Failed logins are throttled per address and per account at an address; nobody can lock a user out for good. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:throttle;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
        "complaintflow.demo.mail-catcher=false", "complaintflow.mailbox.enabled=false"})
class LoginThrottleTest {
    @Autowired IdentityService identity;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** One login through the throttle from an address; the chain answers 401 unless the password is right. */
    private static int login(LoginThrottle throttle, String address, String user, String password) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", TestHttp.basic(user, password));
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                ((HttpServletResponse) res).setStatus("right".equals(password) ? 200 : 401);
            }
        });
        return response.getStatus();
    }

    @Test
    void anAddressThatKeepsFailingIsRefusedBeforeItsPasswordIsChecked() throws Exception {
        LoginThrottle throttle = new LoginThrottle(new RateLimit(20, Duration.ofMinutes(10)),
                new RateLimit(5, Duration.ofMinutes(10)));
        for (int i = 0; i < 5; i++) {
            assertThat(login(throttle, "203.0.113.7", "demo", "guess" + i)).isEqualTo(401);
        }
        assertThat(login(throttle, "203.0.113.7", "demo", "right")).as("that account from that address").isEqualTo(429);
        assertThat(login(throttle, "198.51.100.1", "demo", "right")).as("the admin at their own desk").isEqualTo(200);
        for (int i = 0; i < 15; i++) {
            assertThat(login(throttle, "203.0.113.7", "user" + i, "guess")).isEqualTo(401);
        }
        assertThat(login(throttle, "203.0.113.7", "agent1", "right")).as("any account from that address").isEqualTo(429);
        assertThat(login(throttle, "198.51.100.1", "agent1", "right")).isEqualTo(200);
    }

    @Test
    void anIpv6ClientIsOneAddressWhateverInterfaceIdItPicks() throws Exception {
        LoginThrottle throttle = new LoginThrottle(new RateLimit(20, Duration.ofMinutes(10)),
                new RateLimit(5, Duration.ofMinutes(10)));
        for (int i = 0; i < 5; i++) {
            assertThat(login(throttle, "2001:db8:7:1::" + Integer.toHexString(i + 1), "demo", "guess" + i)).isEqualTo(401);
        }
        assertThat(login(throttle, "2001:db8:7:1:abcd::99", "demo", "right")).as("the same /64, a new interface id").isEqualTo(429);
        assertThat(login(throttle, "2001:db8:7:2::1", "demo", "right")).as("another /64").isEqualTo(200);
    }

    @Test
    void theRefusalSaysWhenToTryAgain() throws Exception {
        LoginThrottle throttle = new LoginThrottle(new RateLimit(20, Duration.ofMinutes(10)),
                new RateLimit(1, Duration.ofMinutes(10)));
        login(throttle, "203.0.113.8", "demo", "guess");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
        request.setRemoteAddr("203.0.113.8");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent("username=demo&password=right".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).as("the webapps' login form counts too").isEqualTo(429);
        assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(590L, 600L);
        assertThat(response.getContentAsString()).contains("Too many failed logins");
    }

    @Test
    void camundaDelaysAnAccountAFewSecondsButNeverLocksItForGood() {
        Date start = new Date();
        ClockUtil.setCurrentTime(start);
        for (int i = 0; i < 40; i++) {
            ClockUtil.setCurrentTime(new Date(start.getTime() + i * 11_000L));
            assertThat(identity.checkPassword("agent1", "wrong")).isFalse();
        }
        long lastFailure = start.getTime() + 39 * 11_000L;
        ClockUtil.setCurrentTime(new Date(lastFailure + 9_000));
        assertThat(identity.checkPassword("agent1", "demo")).as("still in the last failure's 10 s delay").isFalse();
        ClockUtil.setCurrentTime(new Date(lastFailure + 10_001));
        assertThat(identity.checkPassword("agent1", "demo")).as("after 40 failures, 10 s later").isTrue();
    }
}
