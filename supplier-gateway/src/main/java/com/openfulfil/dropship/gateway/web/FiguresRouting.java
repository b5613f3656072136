package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.gateway.stream.DispatchTopology;
import com.openfulfil.dropship.gateway.stream.SupplierBooks;
import com.openfulfil.dropship.events.Signatures;
import com.openfulfil.dropship.events.serde.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * With several supplier-gateway instances, a supplier's scorecard and ledger live on the instance
 * that holds the supplier's partition of the by-supplier stream, and an order's dispatches on the
 * instance holding the order's partition. A scorecard or settlement request (by supplier), or an
 * operator's reroute (by order), that reaches another instance is passed on unchanged (same path,
 * query, body and credentials: the supplier's signature covers the path, so the owner checks it as
 * it would its own) and the owner's answer is relayed. A request already passed on is answered where
 * it lands, so it never loops.
 */
@Component
class FiguresRouting extends OncePerRequestFilter {
    static final String FORWARDED = "X-Dropship-Forwarded";
    private static final Logger log = LoggerFactory.getLogger(FiguresRouting.class);
    private static final Pattern FIGURES = Pattern.compile("/api/v1/suppliers/([^/]+)/(scorecard|settlement)");
    private static final Pattern REROUTE = Pattern.compile("/api/v1/admin/orders/([^/]+)/reroute");
    /** The request headers that matter to the owner: credentials, the format asked for and of the body. */
    private static final List<String> PASSED_ON = List.of(SupplierAccess.ADMIN_KEY, SupplierAccess.SUPPLIER,
            SupplierAccess.TIMESTAMP, Signatures.HEADER, "Accept", "Content-Type");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final InteractiveQueryService queries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    FiguresRouting(InteractiveQueryService queries) {
        this.queries = queries;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(FORWARDED) != null || ownedBy(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HostInfo owner = ownerOf(ownedBy(request));
        if (owner == null || owner.equals(queries.getCurrentHostInfo())) {
            chain.doFilter(request, response);
            return;
        }
        passOn(owner, request, response);
    }

    /** The store and key whose owner answers this request; null for any other request. */
    private static Owned ownedBy(HttpServletRequest request) {
        Matcher figures = FIGURES.matcher(request.getRequestURI());
        if ("GET".equals(request.getMethod()) && figures.matches()) {
            return new Owned(SupplierBooks.SCORECARDS, figures.group(1));
        }
        Matcher reroute = REROUTE.matcher(request.getRequestURI());
        if ("POST".equals(request.getMethod()) && reroute.matches()) {
            return new Owned(DispatchTopology.STORE, reroute.group(1));
        }
        return null;
    }

    private record Owned(String store, String key) {
    }

    private HostInfo ownerOf(Owned owned) {
        try {
            return queries.getHostInfo(owned.store(), owned.key(), Serdes.String().serializer());
        } catch (IllegalStateException e) {
            // the stream is not running yet: the controller answers that the store is unavailable
            return null;
        }
    }

    private void passOn(HostInfo owner, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = "http://" + owner.host() + ":" + owner.port() + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target)).timeout(TIMEOUT)
                .method(request.getMethod(), "GET".equals(request.getMethod()) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes()))
                .header(FORWARDED, "1");
        for (String name : PASSED_ON) {
            String value = request.getHeader(name);
            if (value != null) {
                forward.header(name, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(response, owner);
            return;
        } catch (IOException e) {
            log.warn("The instance holding this supplier or order ({}) did not answer: {}", owner, e.toString());
            unavailable(response, owner);
            return;
        }
        response.setStatus(answer.statusCode());
        answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
        answer.headers().firstValue("Content-Disposition").ifPresent(v -> response.setHeader("Content-Disposition", v));
        response.getOutputStream().write(answer.body());
    }

    /** A filter answers before Spring MVC's problem handling, so it writes its problem detail itself. */
    private static void unavailable(HttpServletResponse response, HostInfo owner) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/problem+json");
        response.getOutputStream().write(Json.mapper().writeValueAsBytes(Map.of(
                "type", "about:blank", "title", "Instance unavailable", "status", 503,
                "detail", "The supplier-gateway instance holding this supplier or order (" + owner.host() + ":"
                        + owner.port() + ") did not answer; try again shortly.")));
    }
}
