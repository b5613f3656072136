package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.catalog.feed.FeedFormat;
import com.openfulfil.dropship.catalog.feed.FeedImporter;
import com.openfulfil.dropship.catalog.feed.FeedMalformedException;
import com.openfulfil.dropship.catalog.feed.FeedReport;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Supplier feeds pushed over HTTP (R1.1): a JSON array of rows, or a spreadsheet's CSV export. The
 * body is read as a stream, so a feed of any size imports in constant memory. A supplier sends its
 * own feed with its feed key; ops send any with the admin key ({@link CatalogAccess}).
 */
@RestController
class FeedController {
    private final FeedImporter importer;

    FeedController(FeedImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/v1/suppliers/{supplierId}/feed",
            consumes = {"application/json", "text/csv", "application/csv"})
    FeedReport importFeed(@PathVariable String supplierId, Caller caller, HttpServletRequest request)
            throws IOException {
        CatalogAccess.requireFeedOf(supplierId, caller);
        if (!Topics.isValidSupplierId(supplierId)) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("supplierId",
                    "must be 1-63 lower-case letters, digits or '-', starting with a letter or digit")));
        }
        FeedFormat format = FeedFormat.of(request.getContentType()).orElseThrow();
        try {
            return importer.importFeed(supplierId, format.open(request.getInputStream()));
        } catch (FeedMalformedException e) {
            throw malformed(e);
        }
    }

    static ApiProblem malformed(FeedMalformedException e) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-feed", "The feed cannot be read",
                e.getMessage() + ". Rows before line " + e.line() + " were imported; fix the file and send it again "
                        + "(rows already imported do not change).",
                List.of(FieldProblem.of("", e.getMessage())), Map.of("line", e.line()));
    }
}
