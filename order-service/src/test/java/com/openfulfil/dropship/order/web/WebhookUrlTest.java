package com.openfulfil.dropship.order.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlTest {

    @Test
    void acceptsHttpAndHttpsUrlsWithAHost() {
        assertThat(WebhookController.urlProblem("https://shop.example.com/hooks/dropship?v=2")).isNull();
        assertThat(WebhookController.urlProblem("http://127.0.0.1:8080/hooks")).isNull();
    }

    @Test
    void saysWhatIsWrongWithAnyOtherUrl() {
        assertThat(WebhookController.urlProblem(null)).startsWith("is required");
        assertThat(WebhookController.urlProblem("")).startsWith("is required");
        assertThat(WebhookController.urlProblem("ftp://shop.example.com/x")).isEqualTo("must be an http(s) URL");
        assertThat(WebhookController.urlProblem("https:///nohost")).isEqualTo("must name a host");
        assertThat(WebhookController.urlProblem("https://user:pw@shop.example.com/")).startsWith("must not carry credentials");
        assertThat(WebhookController.urlProblem("https://shop.example.com/a b")).startsWith("is not a URL");
        assertThat(WebhookController.urlProblem("https://shop.example.com/#top")).isEqualTo("must not have a fragment");
        assertThat(WebhookController.urlProblem("https://shop.example.com/" + "a".repeat(3000))).startsWith("must be at most");
    }
}
