package io.complaintflow.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The customer portal's address, /portal/, opens its first page (static/portal/index.html). */
@Configuration
public class PortalPages implements WebMvcConfigurer {
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/portal", "/portal/index.html");
        registry.addRedirectViewController("/portal/", "/portal/index.html");
    }
}
