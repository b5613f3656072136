package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.catalog.stream.CatalogTopology;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.support.instances.AllInstances;
import com.openfulfil.dropship.support.instances.InstanceCalls;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Products and their availability, read from the inventory processor's store; public, each caller
 * seeing what {@link ProductView} gives them. Each instance holds the products of its partitions: one
 * product is answered by the instance holding it ({@link ReadRouting}), a search gathers every
 * instance's matches (asked with the caller's own credentials, so each share is the caller's view).
 * While the store restores or the instances rebalance the answer is 503 with Retry-After.
 */
@RestController
class ProductController {
    private static final String STORE = CatalogTopology.INVENTORY_STORE;
    private static final int MAX_SIZE = 100;

    private final StoreQueries queries;
    private final AllInstances all;
    private final CatalogPolicy policy;

    ProductController(StoreQueries queries, AllInstances all, CatalogProperties properties) {
        this.queries = queries;
        this.all = all;
        this.policy = properties.policy();
    }

    @GetMapping("/api/v1/products/{sku}")
    ProductView product(@PathVariable String sku, Caller caller) {
        return queries.<Product>get(STORE, sku).map(product -> ProductView.of(product, policy, caller))
                .orElseThrow(() -> ApiProblem.notFound("There is no product with sku " + sku));
    }

    /**
     * Case-insensitive search on sku and title, sorted by sku. Each instance gives the first
     * (page + 1) × size of its matches and how many it has; the page is cut from all of them. Asked by
     * another instance, this instance answers with that share.
     */
    @GetMapping("/api/v1/products")
    ProductPage search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") String page,
                       @RequestParam(defaultValue = "20") String size, Caller caller, HttpServletRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageNo = number(page, "page", 0, Integer.MAX_VALUE, problems);
        int pageSize = number(size, "size", 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        String query = q.strip().toLowerCase(Locale.ROOT);
        int upTo = (int) Math.min(Integer.MAX_VALUE, ((long) pageNo + 1) * pageSize);
        if (InstanceCalls.isPassedOn(request)) {
            return share(query, upTo, caller);
        }
        List<ProductPage> shares = all.gather(STORE, request, () -> share(query, upTo, caller),
                body -> Json.mapper().readValue(body, ProductPage.class));
        // a product is held by one instance; by sku in case a rebalance showed it on two
        Map<String, ProductView> bySku = shares.stream().flatMap(share -> share.items().stream())
                .collect(Collectors.toMap(ProductView::sku, view -> view, (first, second) -> first, TreeMap::new));
        List<ProductView> items = bySku.values().stream().skip((long) pageNo * pageSize).limit(pageSize).toList();
        return new ProductPage(items, pageNo, pageSize, shares.stream().mapToInt(ProductPage::total).sum());
    }

    /** This instance's first {@code upTo} matches and how many it has. */
    private ProductPage share(String query, int upTo, Caller caller) {
        List<Product> matches = matching(query);
        return new ProductPage(matches.stream().limit(upTo).map(p -> ProductView.of(p, policy, caller)).toList(), 0,
                upTo, matches.size());
    }

    private List<Product> matching(String query) {
        Predicate<Product> match = p -> query.isEmpty() || p.sku().toLowerCase(Locale.ROOT).contains(query)
                || (p.title() != null && p.title().toLowerCase(Locale.ROOT).contains(query));
        // a scan of the local store: fine for a catalog of thousands; an index belongs with the bulk feeds
        List<Product> found = queries.<Product, List<Product>>read(STORE, store -> {
            List<Product> matches = new ArrayList<>();
            try (KeyValueIterator<String, Product> entries = store.all()) {
                entries.forEachRemaining((KeyValue<String, Product> kv) -> {
                    if (match.test(kv.value)) {
                        matches.add(kv.value);
                    }
                });
            }
            return matches;
        });
        found.sort(Comparator.comparing(Product::sku));
        return found;
    }

    private static int number(String value, String field, int min, int max, List<FieldProblem> problems) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(FieldProblem.of(field, max == Integer.MAX_VALUE ? "must be a whole number of at least " + min
                : "must be a whole number from " + min + " to " + max));
        return min;
    }
}
