package com.openfulfil.dropship.order.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Authenticates every API request before its body is read, so an unknown caller learns nothing from validation. */
@Component
class CallerInterceptor implements HandlerInterceptor {
    static final String ATTRIBUTE = "caller";
    private final ApiKeyAuthenticator authenticator;

    CallerInterceptor(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(ATTRIBUTE, authenticator.authenticate(request.getHeader("X-Api-Key")));
        return true;
    }
}
