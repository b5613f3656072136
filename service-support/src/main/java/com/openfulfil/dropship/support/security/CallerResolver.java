package com.openfulfil.dropship.support.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * How a service recognises the credentials a request carries. A service that declares one gets the
 * {@link AccessFilter}: every route needs a caller, except its {@link PublicRoutes}.
 */
public interface CallerResolver {

    /**
     * The caller the request's credentials name; empty when it carries none. Credentials that are
     * there but wrong are refused by throwing the {@link com.openfulfil.dropship.support.web.ApiProblem}
     * to answer (401), before anything reads the request.
     */
    Optional<Caller> resolve(HttpServletRequest request);

    /** What a caller without credentials is told to send: the detail of the 401. */
    String credentialsHint();
}
