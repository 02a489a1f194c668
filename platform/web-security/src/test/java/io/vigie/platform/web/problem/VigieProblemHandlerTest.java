package io.vigie.platform.web.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each kind of refusal every service has in common: its status and its body, in the one shape. */
class VigieProblemHandlerTest {

    private final VigieProblemHandler platform =
            new VigieProblemHandler(path -> path.replaceFirst("/secret/.*", "/secret/***"));

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Api())
            .setControllerAdvice(new ServiceProblems(platform), platform)
            .build();

    @Test
    void shouldAnswerANotFoundWithItsTitleDetailAndOwnKeys() throws Exception {
        problem(get("/api/incidents/42"), 404)
                .andExpect(jsonPath("$.title").value("Unknown incident"))
                .andExpect(jsonPath("$.detail").value("No incident 42"))
                .andExpect(jsonPath("$.instance").value("/api/incidents/42"))
                .andExpect(jsonPath("$.incidentId").value("42"))
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void shouldAnswerAConflictWithItsType() throws Exception {
        problem(post("/api/incidents/42/close"), 409)
                .andExpect(jsonPath("$.title").value("Conflict"))
                .andExpect(jsonPath("$.type").value("https://vigie.io/problems/closed"));
    }

    @Test
    void shouldAnswerAnUnprocessableRequestWithItsErrorsAndExtraKey() throws Exception {
        problem(post("/api/reports/1/approval"), 422)
                .andExpect(jsonPath("$.title").value("Report incomplete"))
                .andExpect(jsonPath("$.missing[0]").value("rootCause"))
                .andExpect(jsonPath("$.errors[0].field").value("rootCause"))
                .andExpect(jsonPath("$.errors[0].message").value("is not stated"))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].allowed").doesNotExist());
    }

    @Test
    void shouldNameEveryInvalidFieldOfAValidatedBody() throws Exception {
        problem(post("/api/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \" \", \"tag\": \"xy\"}"), 400)
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value("Fix these fields: tag: size must be between 3 and 10; "
                        + "text: must not be blank"))
                .andExpect(jsonPath("$.errors[0].field").value("tag"))
                .andExpect(jsonPath("$.errors[1].field").value("text"))
                .andExpect(jsonPath("$.errors[1].message").value("must not be blank"));
    }

    @Test
    void shouldNameTheFieldAndTheAllowedValuesOfAnUnknownCodeInTheBody() throws Exception {
        problem(post("/api/notes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"x\", \"tag\": \"abc\", \"severity\": \"URGENT\"}"), 400)
                .andExpect(jsonPath("$.title").value("Unreadable request"))
                .andExpect(jsonPath("$.detail").value("severity: must be one of CRITICAL, HIGH, LOW"))
                .andExpect(jsonPath("$.errors[0].field").value("severity"))
                .andExpect(jsonPath("$.errors[0].allowed[2]").value("LOW"));
    }

    @Test
    void shouldAnswerABodyThatIsNotJsonWithoutTheParsersWords() throws Exception {
        problem(post("/api/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\": "), 400)
                .andExpect(jsonPath("$.detail").value(
                        "The body is not valid JSON for this request, or a value has the wrong type."));
    }

    @Test
    void shouldNameAParameterOfTheWrongTypeWithTheValuesItTakes() throws Exception {
        problem(get("/api/incidents").param("severity", "FOO"), 400)
                .andExpect(jsonPath("$.detail").value("severity: must be one of CRITICAL, HIGH, LOW"))
                .andExpect(jsonPath("$.errors[0].allowed[0]").value("CRITICAL"));
        problem(get("/api/incidents").param("open", "maybe").param("severity", "LOW"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("open"))
                .andExpect(jsonPath("$.errors[0].allowed[1]").value("false"));
        problem(get("/api/incidents").param("limit", "x").param("severity", "LOW"), 400)
                .andExpect(jsonPath("$.detail").value("limit: is not a valid value"));
    }

    @Test
    void shouldNameAMissingParameter() throws Exception {
        problem(get("/api/incidents"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("severity"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
    }

    @Test
    void shouldAnswerSpringsOwnRefusalsInTheSameShape() throws Exception {
        problem(put("/api/incidents/42"), 405);
        problem(post("/api/notes").contentType(MediaType.TEXT_PLAIN).content("hi"), 415);
        problem(get("/api/gone"), 410).andExpect(jsonPath("$.detail").value("Archived"));
        problem(get("/api/teapot"), 418).andExpect(jsonPath("$.title").value("I'm a teapot"));
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWithoutItsMessageClassOrStackTraceAndMaskTheInstance() throws Exception {
        problem(get("/secret/s3cr3t/boom"), 500)
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(jsonPath("$.instance").value("/secret/***"))
                .andExpect(content().string(not(containsString("s3cr3t"))))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("password=hunter2"))))
                .andExpect(content().string(not(containsString("\tat "))));
    }

    @Test
    void shouldLetAServiceAnswerItsOwnIllegalArgumentsButNotSpringsRefusalsCausedByOne() throws Exception {
        problem(get("/api/notes/x"), 400).andExpect(jsonPath("$.detail").value("note x is archived"));
        problem(get("/api/incidents").param("severity", "FOO"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("severity"));
    }

    @Test
    void shouldLeaveSpringSecuritysRefusalsToItsFilter() {
        assertThatThrownBy(() -> mvc.perform(get("/api/forbidden"))).hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    private ResultActions problem(org.springframework.test.web.servlet.RequestBuilder request, int status)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(content().string(not(containsString("io.vigie"))))
                .andExpect(content().string(not(containsString("java."))));
    }

    enum Severity { CRITICAL, HIGH, LOW }

    record Note(@NotBlank String text, @Size(min = 3, max = 10) String tag, Severity severity) {
    }

    @ResponseStatus(HttpStatus.I_AM_A_TEAPOT)
    static class Teapot extends RuntimeException {
    }

    /** A service's advice, first, with a handler for a broad type. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class ServiceProblems {

        private final VigieProblemHandler platform;

        ServiceProblems(VigieProblemHandler platform) {
            this.platform = platform;
        }

        // Named: with two exception parameters, an unnamed handler would also answer every Exception.
        @ExceptionHandler(IllegalArgumentException.class)
        ResponseEntity<?> invalid(IllegalArgumentException e, Exception thrown, WebRequest request) {
            return platform.springRefusal(thrown, request).<ResponseEntity<?>>map(answer -> answer)
                    .orElseGet(() -> ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage())));
        }
    }

    @RestController
    static class Api {

        @GetMapping("/api/notes/{id}")
        String archived(@PathVariable String id) {
            throw new IllegalArgumentException("note " + id + " is archived");
        }

        @GetMapping("/api/incidents/{id}")
        String incident(@PathVariable String id) {
            throw new NotFoundException("Unknown incident", "No incident " + id).with("incidentId", id);
        }

        @PostMapping("/api/incidents/{id}/close")
        String close(@PathVariable String id) {
            throw new ConflictException("Incident " + id + " is closed already")
                    .typed(java.net.URI.create("https://vigie.io/problems/closed"));
        }

        @PostMapping("/api/reports/{id}/approval")
        String approve(@PathVariable String id) {
            throw new UnprocessableException("Report incomplete", "Complete these before approving: rootCause",
                    List.of(new InvalidField("rootCause", "is not stated", List.of(), 3)))
                    .with("missing", List.of("rootCause"));
        }

        @GetMapping("/api/incidents")
        String list(@RequestParam Severity severity, @RequestParam(required = false) Boolean open,
                    @RequestParam(required = false) Integer limit) {
            return "[]";
        }

        @PostMapping(path = "/api/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
        String note(@Valid @RequestBody Note note) {
            return note.text();
        }

        @GetMapping("/api/gone")
        String gone() {
            throw new ResponseStatusException(HttpStatus.GONE, "Archived");
        }

        @GetMapping("/api/teapot")
        String teapot() {
            throw new Teapot();
        }

        @GetMapping("/api/forbidden")
        String forbidden() {
            throw new AccessDeniedException("no");
        }

        @GetMapping("/secret/{token}/boom")
        String boom(@PathVariable String token) {
            throw new IllegalStateException("SELECT * FROM users WHERE password=hunter2 " + token);
        }
    }
}
