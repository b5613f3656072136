package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.catalog.stream.CatalogTopology;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Products and their availability, read from the inventory processor's own store; public, each
 * caller seeing what {@link ProductView} gives them.
 */
@RestController
class ProductController {
    private static final int MAX_SIZE = 100;

    private final StoreQueries queries;
    private final CatalogPolicy policy;

    ProductController(StoreQueries queries, CatalogProperties properties) {
        this.queries = queries;
        this.policy = properties.policy();
    }

    @GetMapping("/api/v1/products/{sku}")
    ProductView product(@PathVariable String sku, Caller caller) {
        Product product = read(store -> store.get(sku));
        if (product == null) {
            throw ApiProblem.notFound("There is no product with sku " + sku);
        }
        return ProductView.of(product, policy, caller);
    }

    /** Case-insensitive search on sku and title, sorted by sku. */
    @GetMapping("/api/v1/products")
    ProductPage search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") String page,
                       @RequestParam(defaultValue = "20") String size, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageNo = number(page, "page", 0, Integer.MAX_VALUE, problems);
        int pageSize = number(size, "size", 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        List<Product> matches = matching(q.strip().toLowerCase(Locale.ROOT));
        List<ProductView> items = matches.stream().skip((long) pageNo * pageSize).limit(pageSize)
                .map(p -> ProductView.of(p, policy, caller)).toList();
        return new ProductPage(items, pageNo, pageSize, matches.size());
    }

    private List<Product> matching(String query) {
        Predicate<Product> match = p -> query.isEmpty() || p.sku().toLowerCase(Locale.ROOT).contains(query)
                || (p.title() != null && p.title().toLowerCase(Locale.ROOT).contains(query));
        // a scan of the local store: fine for a catalog of thousands; an index belongs with the bulk feeds
        List<Product> found = read(store -> {
            List<Product> matches = new ArrayList<>();
            try (KeyValueIterator<String, Product> all = store.all()) {
                all.forEachRemaining((KeyValue<String, Product> kv) -> {
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

    /** Runs a query on the store; while Kafka Streams starts or rebalances, the answer is 503, not 500. */
    private <T> T read(Function<ReadOnlyKeyValueStore<String, Product>, T> query) {
        try {
            return query.apply(queries.<Product>store(CatalogTopology.INVENTORY_STORE));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                    "The catalog is starting or rebalancing; retry shortly.", List.of(), Map.of());
        }
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
