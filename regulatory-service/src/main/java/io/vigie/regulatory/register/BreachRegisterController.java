package io.vigie.regulatory.register;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Every role reads the register: it is the record the authority may ask to see. */
@RestController
class BreachRegisterController {

    private final BreachRegister register;

    BreachRegisterController(BreachRegister register) {
        this.register = register;
    }

    @GetMapping("/api/clients/{clientId}/breach-register")
    List<BreachRegister.Entry> of(@PathVariable String clientId) {
        return register.of(clientId);
    }
}
