package com.openfulfil.dropship.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicRoutesTest {
    private final PublicRoutes routes = PublicRoutes.healthAndMetrics().get("/track/{trackingNumber}")
            .post("/webhooks/carriers/{carrier}").post("/api/v1/partners/apply", "partner-application");

    @Test
    void aRouteIsPublicForItsMethodOnlyAndAReadForHeadToo() {
        assertThat(routes.matches(new MockHttpServletRequest("GET", "/track/SF123"))).isTrue();
        assertThat(routes.matches(new MockHttpServletRequest("HEAD", "/track/SF123"))).isTrue();
        assertThat(routes.matches(new MockHttpServletRequest("POST", "/track/SF123"))).isFalse();
        assertThat(routes.matches(new MockHttpServletRequest("GET", "/track/SF123/more"))).isFalse();
        assertThat(routes.matches(new MockHttpServletRequest("GET", "/webhooks/carriers/SF"))).isFalse();
        assertThat(routes.matches(new MockHttpServletRequest("GET", "/actuator/health/readiness"))).isTrue();
        assertThat(routes.matches(new MockHttpServletRequest("GET", "/actuator/info"))).isFalse();
    }

    @Test
    void theApiDocsAreReadsOfTheDocumentAndItsPageOnly() {
        PublicRoutes docs = PublicRoutes.healthAndMetrics().apiDocs();
        assertThat(docs.matches(new MockHttpServletRequest("GET", "/v3/api-docs"))).isTrue();
        assertThat(docs.matches(new MockHttpServletRequest("GET", "/v3/api-docs/swagger-config"))).isTrue();
        assertThat(docs.matches(new MockHttpServletRequest("GET", "/swagger-ui.html"))).isTrue();
        assertThat(docs.matches(new MockHttpServletRequest("GET", "/swagger-ui/index.html"))).isTrue();
        assertThat(docs.matches(new MockHttpServletRequest("POST", "/v3/api-docs"))).isFalse();
        assertThat(docs.matches(new MockHttpServletRequest("GET", "/v3/api-docs.yaml"))).isFalse();
        assertThat(docs.matches(new MockHttpServletRequest("GET", "/api/v1/orders"))).isFalse();
    }

    @Test
    void aPublicPostSpendsFromItsOwnBudgetOrThePublicPostOne() {
        assertThat(routes.match(new MockHttpServletRequest("POST", "/webhooks/carriers/SF")).orElseThrow().budgetName())
                .hasValue(PublicRoutes.PUBLIC_POST);
        assertThat(routes.match(new MockHttpServletRequest("POST", "/api/v1/partners/apply")).orElseThrow().budgetName())
                .hasValue("partner-application");
        assertThat(routes.match(new MockHttpServletRequest("GET", "/track/SF1")).orElseThrow().budgetName()).isEmpty();
    }
}
