package io.complaintflow.security;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Who may use which HTTP surface (README "Security"). Our own surfaces, /api and /portal, go through Spring
 * Security: HTTP Basic against Camunda's users, groups as roles, the security headers. The webapps and
 * /engine-rest keep Camunda's own authentication; what a logged-in person may send there is limited in the engine
 * (EngineCommandGuard). Failed logins on every surface are throttled (LoginThrottle).
 */
@Configuration
public class HttpSurfaces {
    /** Our pages load only our own scripts and styles, and no one may frame them. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain apiAndPortal(HttpSecurity http, CamundaLogin login) throws Exception {
        return http.securityMatcher("/api/**", "/portal/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/complaints").permitAll()
                        .requestMatchers("/api/portal/**", "/portal/**").permitAll()
                        .requestMatchers("/api/reports/**").hasAnyAuthority(Groups.REPORT_READERS.toArray(String[]::new))
                        .requestMatchers("/api/complaints/**").hasAnyAuthority(Groups.STAFF.toArray(String[]::new))
                        .requestMatchers(HttpMethod.GET, "/api/incidents", "/api/incidents/**").hasAnyAuthority(Groups.STAFF.toArray(String[]::new))
                        .requestMatchers("/api/admin/**").hasAnyAuthority(Groups.ADMINS, Groups.PROCESS_OWNERS)
                        .anyRequest().authenticated())
                .with(new StatelessBasic(login), basic -> { })
                .build();
    }

    /** Health for everyone (the proxy, Docker's HEALTHCHECK); metrics and the rest for administrators only. */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, CamundaLogin login) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAuthority(Groups.ADMINS))
                .with(new StatelessBasic(login), basic -> { })
                .build();
    }

    /** HTTP Basic against Camunda's users, JSON refusals, no session, the security headers. */
    static class StatelessBasic extends AbstractHttpConfigurer<StatelessBasic, HttpSecurity> {
        private final CamundaLogin login;

        StatelessBasic(CamundaLogin login) {
            this.login = login;
        }

        @Override
        public void init(HttpSecurity http) throws Exception {
            http.authenticationProvider(login)
                    .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"ComplaintFlow\"");
                        JsonRefusal.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Log in with your ComplaintFlow account");
                    }))
                    .exceptionHandling(refusals -> refusals.accessDeniedHandler((request, response, e) ->
                            JsonRefusal.write(response, HttpServletResponse.SC_FORBIDDEN, refusal(request.getRequestURI()))))
                    // stateless HTTP Basic and public JSON forms: no cookie, so nothing to forge
                    .csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(AbstractHttpConfigurer::disable)
                    .headers(headers -> headers
                            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                            .frameOptions(frames -> frames.deny()));
        }
    }

    /** Everything else (the webapps, /engine-rest) passes untouched: Camunda secures it. */
    @Bean
    @Order(2)
    SecurityFilterChain camundaSurfaces(HttpSecurity http) throws Exception {
        return http.securityMatcher("/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .build();
    }

    private static String refusal(String path) {
        return path.startsWith("/api/reports") ? "Only managers, supervisors, process owners and admins may read reports"
                : path.startsWith("/api/complaints") ? "Only staff may read complaints"
                : path.startsWith("/api/incidents") ? "Only staff may read incidents; supervisors declare them in Tasklist"
                : path.startsWith("/actuator") ? "Only administrators may read metrics"
                : path.startsWith("/api/admin") ? "Only process owners and administrators may migrate running complaints" : "Not allowed";
    }

    /** /engine-rest is open by default in Camunda; here it takes HTTP Basic with a Camunda user. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engine-rest-authentication");
        registration.setOrder(10);
        return registration;
    }

    /** Before every login (Spring Security's chain runs at -100). */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(
            @Value("${complaintflow.security.login-throttle.per-address.failures:20}") int addressFailures,
            @Value("${complaintflow.security.login-throttle.per-address.period:PT10M}") Duration addressPeriod,
            @Value("${complaintflow.security.login-throttle.per-account.failures:5}") int accountFailures,
            @Value("${complaintflow.security.login-throttle.per-account.period:PT10M}") Duration accountPeriod) {
        var registration = new FilterRegistrationBean<>(new LoginThrottle(
                new RateLimit(addressFailures, addressPeriod), new RateLimit(accountFailures, accountPeriod)));
        registration.addUrlPatterns("/*");
        registration.setName("login-throttle");
        registration.setOrder(-200);
        return registration;
    }

    /** Spring Session JDBC's repository, moving a login's last-access time only when it is {@code precision} behind. */
    @Bean
    static BeanPostProcessor coarseSessionAccessTime(
            @Value("${complaintflow.security.session-access-time-precision:PT1M}") Duration precision) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions ? new CoarseSessionAccessTime(sessions, precision) : bean;
            }
        };
    }

    /** Between Spring Session (which loads the session) and Camunda's webapp login filter. */
    @Bean
    FilterRegistrationBean<UnchangedLoginNotSaved> unchangedLoginNotSaved() {
        var registration = new FilterRegistrationBean<>(new UnchangedLoginNotSaved());
        registration.addUrlPatterns("/camunda/*");
        registration.setName("unchanged-login-not-saved");
        registration.setOrder(-180);
        return registration;
    }

    /** Before Spring Security, so a flood is refused before anything else runs. */
    @Bean
    FilterRegistrationBean<PortalRateLimit> portalRateLimit(MessageSource messages,
            @Value("${complaintflow.portal.rate-limit.submissions.requests:10}") int submissions,
            @Value("${complaintflow.portal.rate-limit.submissions.period:PT1H}") Duration submissionPeriod,
            @Value("${complaintflow.portal.rate-limit.lookups.requests:60}") int lookups,
            @Value("${complaintflow.portal.rate-limit.lookups.period:PT10M}") Duration lookupPeriod) {
        var registration = new FilterRegistrationBean<>(new PortalRateLimit(new RateLimit(submissions, submissionPeriod),
                new RateLimit(lookups, lookupPeriod), messages));
        registration.addUrlPatterns("/api/portal/*");
        registration.setName("portal-rate-limit");
        registration.setOrder(-190);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> apiBodySizeLimit(@Value("${complaintflow.api.max-body-bytes:65536}") int maxBytes) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes));
        registration.addUrlPatterns("/api/*");
        registration.setName("api-body-size-limit");
        registration.setOrder(5);
        return registration;
    }
}
