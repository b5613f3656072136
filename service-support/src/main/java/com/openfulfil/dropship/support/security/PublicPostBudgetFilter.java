package com.openfulfil.dropship.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The per-client-address budget of public POSTs alone, for a service whose own security chain
 * decides who may call what (order-service's Spring Security); {@link AccessFilter} includes it.
 */
public final class PublicPostBudgetFilter extends OncePerRequestFilter {
    private final PublicRoutes publicRoutes;
    private final ClientBudgets budgets;

    public PublicPostBudgetFilter(PublicRoutes publicRoutes, ClientBudgets budgets) {
        this.publicRoutes = publicRoutes;
        this.budgets = budgets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (budgets.admit(publicRoutes.match(request), request, response)) {
            chain.doFilter(request, response);
        }
    }
}
