package com.openfulfil.dropship.support.it;

import com.openfulfil.dropship.support.security.ApiKeys;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.security.CallerResolver;
import com.openfulfil.dropship.support.security.PublicRoutes;
import com.openfulfil.dropship.support.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Optional;

/**
 * The test service's API: one public read, one public sign-up form with a budget of its own, and
 * locked routes; its admin key ({@value #ADMIN_KEY}) is configured by hash, as the services' are.
 */
@RestController
class AccessTestApi {
    static final String ADMIN_KEY = "ak_support_it_0123456789";
    static final String HINT = "Send the admin API key in the X-Api-Key header.";

    record Form(@NotBlank String name) {
    }

    @GetMapping("/api/open")
    Map<String, String> open(Caller caller) {
        return Map.of("caller", caller == null ? "nobody" : caller.getName());
    }

    @PostMapping("/api/signup")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> signup(@Valid @RequestBody Form form) {
        return Map.of("name", form.name());
    }

    @GetMapping("/api/locked")
    Map<String, String> locked(Caller caller) {
        return Map.of("caller", caller.getName());
    }

    @PostMapping("/api/locked")
    Map<String, String> lockedForm(@Valid @RequestBody Form form) {
        return Map.of("name", form.name());
    }

    @Configuration
    static class Access {
        @Bean
        PublicRoutes publicRoutes() {
            return PublicRoutes.healthAndMetrics().get("/api/open").post("/api/signup", "signup");
        }

        @Bean
        CallerResolver callers() {
            String hash = ApiKeys.sha256Hex(ADMIN_KEY);
            return new CallerResolver() {
                @Override
                public Optional<Caller> resolve(HttpServletRequest request) {
                    String key = request.getHeader("X-Api-Key");
                    if (key == null) {
                        return Optional.empty();
                    }
                    if (!ApiKeys.matches(key, hash)) {
                        throw ApiProblem.unauthorized("The API key is not valid.");
                    }
                    return Optional.of(Caller.admin());
                }

                @Override
                public String credentialsHint() {
                    return HINT;
                }
            };
        }
    }
}
