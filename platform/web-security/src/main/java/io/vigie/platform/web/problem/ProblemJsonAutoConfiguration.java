package io.vigie.platform.web.problem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The error body every Vigie service answers, without a line of the service's own: {@link VigieProblemHandler}, last
 * among the advices. Before Boot's web MVC configuration, whose problem-details handler (answering validation errors
 * without naming the fields) then stays out.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemJsonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    VigieProblemHandler vigieProblemHandler(ObjectProvider<ProblemInstance> instances) {
        return new VigieProblemHandler(instances.getIfAvailable(() -> path -> path));
    }
}
