package com.openfulfil.dropship.ops.config;

import com.openfulfil.dropship.console.security.PageHeaders;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
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
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;
import java.util.Map;

/**
 * Everything the console shows or does needs a login with the OPS role: pages by form login, the
 * JSON API by the same session or HTTP Basic. Only the health probes and metrics are open, for the
 * platform that runs the console. Without a login a page sends the browser to the login page, and
 * the API and actuator answer 401 (docs/security.md, "ops-console").
 */
@Configuration
class SecurityConfig {
    static final String ROLE = "OPS";
    private static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // the error page of a refusal (a form of the partner app or the portal without its CSRF
                        // token is 403) renders as that refusal, not as a redirect to the ops login
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/login", "/console.css").permitAll()
                        .anyRequest().hasRole(ROLE))
                .formLogin(form -> form.defaultSuccessUrl("/pipeline", true))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // scripts posting JSON to the API send no CSRF token; a page of another site cannot post JSON
                // here (that takes a CORS preflight, which the console never grants), but it can post a form
                // or text/plain, with the operator's session: those need the token like any form
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> API.matches(request) && sendsJson(request)))
                .headers(PageHeaders.forPages())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiEntryPoint(), API));
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

    static boolean sendsJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, e) -> ProblemResponses.write(response,
                ApiProblem.unauthorized("Log in to the ops console, or send HTTP Basic credentials of an ops user."),
                Map.of("WWW-Authenticate", "Basic realm=\"ops-console\""));
    }
}
