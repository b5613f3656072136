package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.support.streams.StoreUnavailableException;
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
 * and is refused wherever a key is needed. While the partners table cannot be read yet (the
 * instance is starting), a partner's request is answered 503 with Retry-After.
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
            } catch (StoreUnavailableException notYet) {
                // a partner key is checked against the partners table, which a starting instance is
                // still loading: the caller is told to retry, not that its key is wrong
                ProblemResponses.notReadableYet(response);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
