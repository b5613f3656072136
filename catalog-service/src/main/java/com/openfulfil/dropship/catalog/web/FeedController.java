package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** Supplier feeds pushed over HTTP (R1.1). */
@RestController
class FeedController {
    private final FeedImporter importer;

    FeedController(FeedImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/v1/suppliers/{supplierId}/feed", consumes = MediaType.APPLICATION_JSON_VALUE)
    FeedReport importJson(@PathVariable String supplierId, @RequestBody JsonNode rows) {
        if (!Topics.isValidSupplierId(supplierId)) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("supplierId",
                    "must be 1-63 lower-case letters, digits or '-', starting with a letter or digit")));
        }
        if (!rows.isArray()) {
            throw ApiProblem.invalid(List.of(FieldProblem.of("", "must be a JSON array of feed rows")));
        }
        return importer.importRows(supplierId, rows.values());
    }
}
