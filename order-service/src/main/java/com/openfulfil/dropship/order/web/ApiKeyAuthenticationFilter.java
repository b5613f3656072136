package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Resolves the {@code X-Api-Key} header to a caller before anything reads the request, so an
 * unknown caller learns nothing from validation. A request without a key goes on unauthenticated
 * and is refused wherever a key is needed.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String HEADER = "X-Api-Key";
    private final ApiKeyAuthenticator authenticator;

    ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            try {
                SecurityContextHolder.getContext().setAuthentication(
                        new CallerAuthentication(authenticator.authenticate(key)));
            } catch (ApiProblem refused) {
                ProblemResponses.write(response, refused, Map.of());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
