package io.vigie.platform.web.problem;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemJsonAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProblemJsonAutoConfiguration.class, WebMvcAutoConfiguration.class));

    @Test
    void shouldAnswerWithTheVigieHandlerRatherThanBootsOwnEvenWhenBootsIsEnabled() {
        runner.withPropertyValues("spring.mvc.problemdetails.enabled=true").run(context ->
                assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class).values()).singleElement()
                        .isInstanceOf(VigieProblemHandler.class));
    }

    @Test
    void shouldBackOffForAServiceThatBringsItsOwnHandler() {
        runner.withBean(ResponseEntityExceptionHandler.class, () -> new ResponseEntityExceptionHandler() { })
                .run(context -> assertThat(context).doesNotHaveBean(VigieProblemHandler.class));
    }
}
