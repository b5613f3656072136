package com.openfulfil.dropship.support.testing;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route a running service maps (its controllers', actuator's, any library's: every
 * {@link RequestMappingInfoHandlerMapping} in the context), called once with no credentials at all:
 * each must be refused (401, unless the service says how a route refuses, e.g. web pages by sending
 * the browser to their sign-in page), except the routes of an explicit allow-list, each with the
 * reason it is public. A new endpoint without a lock fails the service's build, and so does an
 * allow-list entry for a route that no longer exists.
 */
public final class RouteLocks {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> allowed;
    private final Function<String, Refusal> refusals;
    private final Function<String, Map<String, String>> headers;

    private RouteLocks(Map<String, String> allowed, Function<String, Refusal> refusals,
                       Function<String, Map<String, String>> headers) {
        this.allowed = Map.copyOf(allowed);
        this.refusals = refusals;
        this.headers = headers;
    }

    /**
     * How a locked route answers a caller without credentials: its status and, for a redirect, the
     * path it sends the caller to.
     */
    public record Refusal(int status, String redirectPath) {
        public static final Refusal UNAUTHORIZED = new Refusal(401, null);

        /** A redirect (302) to {@code path}, e.g. a web page's sign-in page. */
        public static Refusal redirectTo(String path) {
            return new Refusal(302, path);
        }

        boolean isGivenBy(HttpResponse<String> answer) {
            return answer.statusCode() == status && (redirectPath == null || answer.headers().firstValue("Location")
                    .map(location -> URI.create(location).getPath()).filter(redirectPath::equals).isPresent());
        }

        @Override
        public String toString() {
            return redirectPath == null ? String.valueOf(status) : status + " to " + redirectPath;
        }
    }

    /** The routes public in every service: health (status only, details need credentials) and Prometheus. */
    public static RouteLocks healthAndMetricsArePublic() {
        return new RouteLocks(Map.of(), route -> Refusal.UNAUTHORIZED, route -> Map.of())
                .allow("GET /actuator/health", "the UP/DOWN status, for load balancers")
                .allow("GET /actuator/health/**", "the liveness and readiness probes")
                .allow("GET /actuator/prometheus", "the metrics the platform scrapes");
    }

    /** @param route {@code "<METHOD> <pattern as mapped>"}, e.g. {@code "GET /track/{trackingNumber}"} */
    public RouteLocks allow(String route, String why) {
        Map<String, String> more = new LinkedHashMap<>(allowed);
        more.put(route, why);
        return new RouteLocks(more, refusals, headers);
    }

    /** How each route refuses a caller without credentials, by route ({@code "<METHOD> <pattern>"}); 401 if not told. */
    public RouteLocks refusing(Function<String, Refusal> refusalOfRoute) {
        return new RouteLocks(allowed, refusalOfRoute, headers);
    }

    /**
     * Headers each probe sends besides its defaults (replacing them), by route: e.g. the {@code Accept}
     * of a browser, or an anonymous session's cookie and CSRF token, so that a form's route is refused
     * for want of a login rather than of a token.
     */
    public RouteLocks sending(Function<String, Map<String, String>> headersOfRoute) {
        return new RouteLocks(allowed, refusals, headersOfRoute);
    }

    /** Every mapped route as {@code "<METHOD> <pattern>"}; a mapping for any method is probed as GET. */
    public static Set<String> mapped(ApplicationContext context) {
        Set<String> routes = new TreeSet<>();
        probes(context).forEach(probe -> routes.add(probe.route()));
        return routes;
    }

    /** What is wrong: each unlocked route with its answer, and each allow-list entry that maps nothing. */
    public List<String> problems(ApplicationContext context, int port) {
        List<String> problems = new ArrayList<>();
        List<Probe> probes = probes(context);
        Set<String> routes = new TreeSet<>();
        for (Probe probe : probes) {
            routes.add(probe.route());
            if (allowed.containsKey(probe.route())) {
                continue;
            }
            HttpResponse<String> answer = probe.send(port, headers.apply(probe.route()));
            Refusal refusal = refusals.apply(probe.route());
            if (!refusal.isGivenBy(answer)) {
                problems.add(probe.route() + " answered " + answer.statusCode() + answer.headers().firstValue("Location")
                        .map(location -> " to " + location).orElse("") + " without credentials instead of "
                        + refusal + ": " + abbreviated(answer.body()));
            }
        }
        allowed.keySet().stream().filter(route -> !routes.contains(route))
                .forEach(route -> problems.add(route + " is allowed without credentials but not mapped"));
        return problems;
    }

    /** Fails with every problem at once; needs the service to map routes of its own, not only actuator's. */
    public void check(ApplicationContext context, int port) {
        assertThat(mapped(context)).as("routes found")
                .anyMatch(route -> !route.contains(" /actuator") && !route.endsWith(" /error"));
        assertThat(problems(context, port)).as("routes open without credentials").isEmpty();
    }

    private static List<Probe> probes(ApplicationContext context) {
        List<Probe> probes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
                Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
                String contentType = consumes.isEmpty() ? "application/json" : consumes.iterator().next().toString();
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(method -> probes.add(new Probe(method, pattern, contentType)));
                }
            }
        }
        return probes;
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

    /** One call of a route: every path variable and wildcard a plain word, a body of {} where one is taken. */
    private record Probe(String method, String pattern, String contentType) {
        String route() {
            return method + " " + pattern;
        }

        HttpResponse<String> send(int port, Map<String, String> headers) {
            String path = pattern.replaceAll("\\{[^}]*}", "probe").replace("**", "probe").replace("*", "probe");
            boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).header("Accept", "*/*")
                    .method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
            headers.forEach(request::setHeader);
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError(route() + " could not be called: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
