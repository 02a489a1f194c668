package io.vigie.platform.security;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service's API in miniature: reading needs any Vigie role, acting needs ANALYST. */
@SpringBootConfiguration
@EnableAutoConfiguration
@RestController
class TestApi {

    @GetMapping("/api/incidents")
    String list(Authentication caller) {
        return "incidents for " + caller.getName();
    }

    @PostMapping("/api/incidents")
    @PreAuthorize("hasRole('" + Roles.ANALYST + "')")
    String act(Authentication caller) {
        return "done by " + caller.getName();
    }
}
