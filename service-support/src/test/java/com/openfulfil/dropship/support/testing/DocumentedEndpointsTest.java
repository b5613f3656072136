package com.openfulfil.dropship.support.testing;

import com.openfulfil.dropship.events.serde.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentedEndpointsTest {
    private static final String ROUTES = """
            # Who may call what

            ## shop-service (port 8091)

            | route | who | credential |
            | --- | --- | --- |
            | `GET /actuator/health`, `/actuator/health/**` | **public** | — |
            | `GET /api/v1/carts`, `GET /api/v1/carts/{cartId}` | shopper | `X-Api-Key` |
            | `POST /api/v1/carts/{cartId}/checkout`, `.../abandon` | shopper | `/ignored/second/cell` |
            | `PUT`, `DELETE /api/v1/wishlist` | shopper | `X-Api-Key` |
            | `GET /internal/v1/carts` | another instance | `X-Internal` |

            Prose names a route whole: `POST /webhooks/payments/{provider}`, and a bare `/api/v1/not-a-route` is no route.

            ### Inside shop-service

            `PATCH /api/v1/carts/<cartId>/lines` is still shop-service's.

            ## stock-service (port 8092)

            `GET /api/v1/stock/{sku}` belongs to another service.

            ```bash
            # a heading-like comment in a code block changes no section
            curl -s -X POST http://localhost:8091/api/v1/carts -H 'X-Api-Key: k' \\
              -d '{"lines": []}'
            curl -s 'http://localhost:8091/api/v1/carts/c-17/receipt?format=pdf'
            curl -s http://localhost:8091/api/v1/coupons -H 'Content-Type: application/json' \\
              -d '{"code": "X"}'
            curl -s http://localhost:8092/api/v1/stock/MUG-001
            ```
            """;

    private final DocumentedEndpoints shop = DocumentedEndpoints.parse("shop-service", 8091, List.of(ROUTES));

    @Test
    void readsTheServicesSectionsTheirShorthandsAndTheCurlExamplesOnItsPort() {
        assertThat(shop.endpoints()).containsExactlyInAnyOrder(
                "GET /api/v1/carts", "GET /api/v1/carts/{}",
                "POST /api/v1/carts/{}/checkout", "POST /api/v1/carts/{}/abandon",
                "PUT /api/v1/wishlist", "DELETE /api/v1/wishlist",
                "POST /webhooks/payments/{}", "PATCH /api/v1/carts/{}/lines",
                "POST /api/v1/carts", "GET /api/v1/carts/c-17/receipt", "POST /api/v1/coupons");
    }

    @Test
    void anOpenApiDocumentDescribingEveryEndpointMissesNone() {
        JsonNode openApi = openApi("""
                {"paths": {
                  "/api/v1/carts": {"get": {}, "post": {}},
                  "/api/v1/carts/{id}": {"get": {}},
                  "/api/v1/carts/{id}/checkout": {"post": {}},
                  "/api/v1/carts/{id}/abandon": {"post": {}},
                  "/api/v1/carts/{id}/lines": {"patch": {}},
                  "/api/v1/carts/{id}/receipt": {"get": {}},
                  "/api/v1/wishlist": {"put": {}, "delete": {}},
                  "/api/v1/coupons": {"post": {}},
                  "/webhooks/payments/{provider}": {"post": {}}}}
                """);
        assertThat(shop.missingFrom(openApi)).isEmpty();
    }

    @Test
    void anEndpointTheDocumentLacksOrDescribesWithAnotherMethodIsNamed() {
        JsonNode openApi = openApi("""
                {"paths": {
                  "/api/v1/carts": {"get": {}, "post": {}},
                  "/api/v1/carts/{id}": {"get": {}},
                  "/api/v1/carts/{id}/checkout": {"post": {}},
                  "/api/v1/carts/{id}/lines": {"patch": {}},
                  "/api/v1/carts/{id}/receipt": {"get": {}},
                  "/api/v1/wishlist": {"put": {}, "get": {}},
                  "/api/v1/coupons": {"post": {}},
                  "/webhooks/payments/{provider}": {"post": {}}}}
                """);
        assertThat(shop.missingFrom(openApi)).containsExactlyInAnyOrder(
                "POST /api/v1/carts/{}/abandon", "DELETE /api/v1/wishlist");
    }

    @Test
    void aDocumentedPathVariableIsNoFixedSegmentOfTheDocument() {
        JsonNode openApi = openApi("""
                {"paths": {"/api/v1/carts/mine": {"get": {}}}}
                """);
        assertThat(DocumentedEndpoints.parse("shop-service", 8091, List.of("## shop-service\n`GET /api/v1/carts/{cartId}`"))
                .missingFrom(openApi)).containsExactly("GET /api/v1/carts/{}");
    }

    private static JsonNode openApi(String json) {
        return Json.mapper().readTree(json);
    }
}
