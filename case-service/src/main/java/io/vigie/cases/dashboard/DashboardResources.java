package io.vigie.cases.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's own CSS and scripts, from a classpath folder only this service uses (not {@code static/}, which
 * every service on the local stack's shared classpath would serve).
 */
@Configuration(proxyBeanMethods = false)
class DashboardResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/assets/**").addResourceLocations("classpath:/case-dashboard/assets/");
    }
}
