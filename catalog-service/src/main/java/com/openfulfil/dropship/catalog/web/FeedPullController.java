package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.catalog.config.CatalogProperties;
import com.openfulfil.dropship.catalog.connector.FeedPuller;
import com.openfulfil.dropship.catalog.connector.PullStatus;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pulled feeds: the last pull of a supplier's feed, and a pull on demand; for ops (any supplier's)
 * and for the supplier itself ({@link CatalogAccess}).
 */
@RestController
class FeedPullController {
    private final FeedPuller puller;
    private final CatalogProperties properties;

    FeedPullController(FeedPuller puller, CatalogProperties properties) {
        this.puller = puller;
        this.properties = properties;
    }

    @GetMapping("/api/v1/suppliers/{supplierId}/feed/pull")
    PullStatus last(@PathVariable String supplierId, Caller caller) {
        CatalogAccess.requireFeedOf(supplierId, caller);
        feed(supplierId);
        return puller.last(supplierId).orElseThrow(() ->
                ApiProblem.notFound("The feed of " + supplierId + " has not been pulled yet."));
    }

    @PostMapping("/api/v1/suppliers/{supplierId}/feed/pull")
    PullStatus pullNow(@PathVariable String supplierId, Caller caller) {
        CatalogAccess.requireFeedOf(supplierId, caller);
        return puller.pull(feed(supplierId));
    }

    private CatalogProperties.PullFeed feed(String supplierId) {
        return properties.pullFeeds().stream().filter(f -> f.supplierId().equals(supplierId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("No feed URL is configured for " + supplierId + "."));
    }
}
