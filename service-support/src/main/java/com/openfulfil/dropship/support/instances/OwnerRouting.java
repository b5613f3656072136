package com.openfulfil.dropship.support.instances;

import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import com.openfulfil.dropship.support.web.ProblemLog;
import com.openfulfil.dropship.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a request about one key (a product, a parcel, a supplier's figures) on the instance that
 * holds the key: a request that reaches another instance is passed on to the holder unchanged
 * ({@link InstanceCalls#passOn}) and its answer relayed. While no instance can be named for the key
 * (starting, restoring, rebalancing) or the holder does not answer, the request is answered 503 with
 * {@code Retry-After}. A request passed on once is answered where it lands.
 */
public final class OwnerRouting extends OncePerRequestFilter {
    /** Response headers that belong to the connection with the other instance, not to the answer. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "date", "upgrade");

    /**
     * Requests of {@code method} whose path matches {@code path} are about the key that {@code key} finds in
     * the path's first group (decoded); empty when the path names no key this route can place.
     */
    public record Route(String method, Pattern path, String store, Function<String, Optional<String>> key) {
        public static Route get(String path, String store) {
            return new Route("GET", Pattern.compile(path), store, Optional::of);
        }

        public static Route post(String path, String store, Function<String, Optional<String>> key) {
            return new Route("POST", Pattern.compile(path), store, key);
        }

        Optional<String> keyOf(HttpServletRequest request) {
            if (!method.equals(request.getMethod())) {
                return Optional.empty();
            }
            Matcher matcher = path.matcher(request.getRequestURI());
            return matcher.matches() ? key.apply(UriUtils.decode(matcher.group(1), StandardCharsets.UTF_8))
                    : Optional.empty();
        }
    }

    private final Instances instances;
    private final InstanceCalls calls;
    private final ProblemLog problems;
    private final List<Route> routes;

    public OwnerRouting(Instances instances, InstanceCalls calls, List<Route> routes) {
        this.instances = instances;
        this.calls = calls;
        this.routes = List.copyOf(routes);
        this.problems = new ProblemLog(OwnerRouting.class);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return InstanceCalls.isPassedOn(request) || routes.stream().noneMatch(r -> r.keyOf(request).isPresent());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<HostInfo> owner;
        try {
            owner = ownerOf(request);
        } catch (StoreUnavailableException e) {
            unavailable(response, e);
            return;
        }
        if (owner.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        InstanceCalls.Answer answer;
        try {
            answer = calls.passOn(owner.get(), request);
        } catch (StoreUnavailableException e) {
            unavailable(response, e);
            return;
        }
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> {
            if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        response.getOutputStream().write(answer.body());
    }

    private Optional<HostInfo> ownerOf(HttpServletRequest request) {
        for (Route route : routes) {
            Optional<String> key = route.keyOf(request);
            if (key.isPresent()) {
                return instances.ownerOf(route.store(), key.get());
            }
        }
        return Optional.empty();
    }

    /** A filter answers before Spring MVC's problem handling, so it writes the same problem itself. */
    private void unavailable(HttpServletResponse response, StoreUnavailableException e) throws IOException {
        problems.info(e.getMessage(), "Answering 503: " + e.getMessage());
        ProblemResponses.notReadableYet(response);
    }
}
