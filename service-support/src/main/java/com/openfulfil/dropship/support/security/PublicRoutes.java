package com.openfulfil.dropship.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The routes anyone may call without credentials; everything else needs a caller. Every POST among
 * them spends from a budget per client address ({@link ClientBudgets}): {@value #PUBLIC_POST} unless
 * the route names its own. Paths are Spring MVC patterns, matched against the path Spring MVC
 * itself routes by, so a route cannot be public here and reach a locked handler there.
 */
public final class PublicRoutes {
    /** The budget a public POST spends from unless it names another (resilience4j rate limiter config). */
    public static final String PUBLIC_POST = "public-post";

    private final List<Route> routes;

    private PublicRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** A public route; {@code budget} names the rate limiter config its calls spend from (POSTs only). */
    public record Route(HttpMethod method, PathPattern pattern, String budget) {
        boolean matches(String method, RequestPath path) {
            boolean sameMethod = this.method.matches(method)
                    || (this.method == HttpMethod.GET && HttpMethod.HEAD.matches(method));
            return sameMethod && pattern.matches(path.pathWithinApplication());
        }

        /** The rate limiter config this route's calls spend from; none for reads. */
        public Optional<String> budgetName() {
            return Optional.ofNullable(budget);
        }

        @Override
        public String toString() {
            return method.name() + " " + pattern.getPatternString();
        }
    }

    /**
     * Health (the UP/DOWN status and the probes; details only for a caller with credentials) and
     * the Prometheus metrics the platform scrapes: public in every service.
     */
    public static PublicRoutes healthAndMetrics() {
        return new PublicRoutes(List.of())
                .get("/actuator/health")
                .get("/actuator/health/**")
                .get("/actuator/prometheus");
    }

    /**
     * The service's OpenAPI document ({@code /v3/api-docs}, with the documentation page's settings
     * under it) and the page that browses it ({@code /swagger-ui.html} and its scripts): public in
     * every service, so that an integrator can read the API before holding a key. They describe
     * the routes, never anyone's data.
     */
    public PublicRoutes apiDocs() {
        return get("/v3/api-docs").get("/v3/api-docs/**").get("/swagger-ui.html").get("/swagger-ui/**");
    }

    public PublicRoutes get(String pattern) {
        return with(HttpMethod.GET, pattern, null);
    }

    public PublicRoutes post(String pattern) {
        return with(HttpMethod.POST, pattern, PUBLIC_POST);
    }

    /** A public POST with a budget of its own, e.g. a sign-up form that a person sends once. */
    public PublicRoutes post(String pattern, String budget) {
        return with(HttpMethod.POST, pattern, budget);
    }

    private PublicRoutes with(HttpMethod method, String pattern, String budget) {
        List<Route> more = new ArrayList<>(routes);
        more.add(new Route(method, PathPatternParser.defaultInstance.parse(pattern), budget));
        return new PublicRoutes(more);
    }

    /** The public route this request is for, if it is one. */
    public Optional<Route> match(HttpServletRequest request) {
        RequestPath path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : ServletRequestPathUtils.parseAndCache(request);
        return routes.stream().filter(route -> route.matches(request.getMethod(), path)).findFirst();
    }

    public boolean matches(HttpServletRequest request) {
        return match(request).isPresent();
    }

    public List<Route> routes() {
        return routes;
    }
}
