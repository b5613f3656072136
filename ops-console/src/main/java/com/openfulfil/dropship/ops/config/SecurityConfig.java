package com.openfulfil.dropship.ops.config;

import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.List;
import java.util.Map;

/**
 * Everything the console shows or does needs a login with the OPS role: pages by form login, the
 * JSON API by the same session or HTTP Basic. Only the health probes and metrics are open, for the
 * platform that runs the console.
 */
@Configuration
class SecurityConfig {
    static final String ROLE = "OPS";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/login", "/console.css").permitAll()
                        .anyRequest().hasRole(ROLE))
                .formLogin(form -> form.defaultSuccessUrl("/pipeline", true))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // JSON callers send no CSRF token; a browser cannot send them a JSON body from another site
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiEntryPoint(),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService opsUsers(OpsProperties properties) {
        List<UserDetails> users = properties.users().stream()
                .filter(u -> u.name() != null && u.passwordBcrypt() != null)
                .map(u -> User.withUsername(u.name()).password(u.passwordBcrypt()).roles(ROLE).build())
                .toList();
        if (users.isEmpty()) {
            log.warn("No ops users are configured (DROPSHIP_OPS_USERS_0_NAME, DROPSHIP_OPS_USERS_0_PASSWORD_BCRYPT): "
                    + "nobody can log in to the console");
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, e) -> ProblemResponses.write(response,
                ApiProblem.unauthorized("Log in to the ops console, or send HTTP Basic credentials of an ops user."),
                Map.of("WWW-Authenticate", "Basic realm=\"ops-console\""));
    }
}
