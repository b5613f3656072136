package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.support.security.ClientBudgets;
import com.openfulfil.dropship.support.security.PublicRoutes;
import com.openfulfil.dropship.support.security.PublicPostBudgetFilter;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.BodySizeFilter;
import com.openfulfil.dropship.support.web.ProblemResponses;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.util.Map;

/**
 * Who may call what. Every API call carries an {@code X-Api-Key}: a storefront's, a partner's or
 * the admin's; the admin area needs the admin key; which orders a caller may see is decided per
 * order (another caller's order is 404, so ids reveal nothing). Instances of order-service read each
 * other's orders with their shared secret. Public ({@link #publicRoutes}): health, metrics, the API
 * documentation, and the Shopify webhook, which proves itself with its HMAC and, like every public
 * POST, spends from a budget per client address.
 */
@Configuration
class SecurityConfig {

    @Bean
    static PublicRoutes publicRoutes() {
        return PublicRoutes.healthAndMetrics()
                .apiDocs()
                .post("/webhooks/shopify/**");
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeyAuthenticator authenticator, RateLimiterRegistry limiters,
                            PublicRoutes publicRoutes, ClientBudgets budgets, OrderReader instances,
                            @Value("${dropship.order.max-body-bytes:65536}") int maxBodyBytes,
                            @Value("${dropship.order.max-webhook-body-bytes:1048576}") int maxWebhookBodyBytes)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new PublicPostBudgetFilter(publicRoutes, budgets), AnonymousAuthenticationFilter.class)
                // a marketplace's order payload is bigger than an API call
                .addFilterBefore(new BodySizeFilter(request -> request.getRequestURI().startsWith("/webhooks/")
                        ? maxWebhookBodyBytes : maxBodyBytes), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(authenticator), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiters), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(publicRoutes::matches).permitAll()
                        // instance-to-instance reads prove themselves with the instances' shared secret
                        .requestMatchers(HttpMethod.GET, "/internal/v1/**").access((caller, request) ->
                                new AuthorizationDecision(instances.acceptsInternal(
                                        request.getRequest().getHeader(OrderReader.INTERNAL_HEADER))))
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
                                ApiProblem.unauthorized("Send your API key in the X-Api-Key header."), Map.of()))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response,
                                ApiProblem.forbidden("This API key may not do this."), Map.of())))
                .build();
    }

    /**
     * Every request is already timed once ({@code http.server.requests}); observing each of the
     * security chain's filters on top of that took nearly a fifth of the API's CPU per order (a profile at 60 orders/s).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** No users or passwords: callers are API keys. Stops Boot from generating a default user. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
