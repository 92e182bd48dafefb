package io.complaintflow.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.camunda.bpm.engine.IdentityService;

@Configuration
public class WebSecurityFilters {

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

    @Bean
    FilterRegistrationBean<StaffApiFilter> staffApiAuthentication(IdentityService identityService) {
        return loginFor("/api/complaints/*", new StaffApiFilter(identityService, Groups.STAFF,
                "Only staff may read complaints"), "staff-api-authentication", 11);
    }

    @Bean
    FilterRegistrationBean<StaffApiFilter> reportsAuthentication(IdentityService identityService) {
        return loginFor("/api/reports/*", new StaffApiFilter(identityService, Groups.REPORT_READERS,
                "Only managers, supervisors, process owners and admins may read reports"), "reports-authentication", 12);
    }

    private static FilterRegistrationBean<StaffApiFilter> loginFor(String urls, StaffApiFilter filter, String name, int order) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(urls);
        registration.setName(name);
        registration.setOrder(order);
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
