package com.openfulfil.dropship.support.security;

import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Locked unless public: a request needs credentials its service recognises ({@link CallerResolver}),
 * except on the service's {@link PublicRoutes}. It answers before anything reads the request, so a
 * caller without credentials learns nothing from validation, and a route added later is locked
 * until someone decides otherwise. A public POST first spends from its client address's budget.
 * The caller becomes the request's principal, for the controllers (a {@link Caller} parameter)
 * and for actuator's health details, which {@code when-authorized} shows to callers only.
 */
public final class AccessFilter extends OncePerRequestFilter {
    private final CallerResolver callers;
    private final PublicRoutes publicRoutes;
    private final ClientBudgets budgets;

    public AccessFilter(CallerResolver callers, PublicRoutes publicRoutes, ClientBudgets budgets) {
        this.callers = callers;
        this.publicRoutes = publicRoutes;
        this.budgets = budgets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<PublicRoutes.Route> open = publicRoutes.match(request);
        if (!budgets.admit(open, request, response)) {
            return;
        }
        Optional<Caller> caller;
        try {
            caller = callers.resolve(request);
        } catch (ApiProblem refused) {
            ProblemResponses.write(response, refused, Map.of());
            return;
        } catch (StoreUnavailableException e) {
            // credentials looked up in a state store (a partner's key) wait out a rebalance like any read
            ProblemResponses.write(response, ApiProblem.storeUnavailable(), Map.of("Retry-After", "1"));
            return;
        }
        if (caller.isEmpty() && open.isEmpty()) {
            ProblemResponses.write(response, ApiProblem.unauthorized(callers.credentialsHint()), Map.of());
            return;
        }
        chain.doFilter(caller.<HttpServletRequest>map(c -> new CallerRequest(request, c)).orElse(request), response);
    }

    /** The request with its caller as principal. */
    private static final class CallerRequest extends HttpServletRequestWrapper {
        private final Caller caller;

        CallerRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Caller getUserPrincipal() {
            return caller;
        }

        @Override
        public String getRemoteUser() {
            return caller.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().equals(role);
        }
    }
}
