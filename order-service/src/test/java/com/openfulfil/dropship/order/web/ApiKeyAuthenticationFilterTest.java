package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.order.config.OrderProperties;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restarted order-service answers before it can read its partners table: a partner's request is
 * then told to come back (503, Retry-After), not that its key is wrong or missing (401), which a
 * storefront or partner would take as final.
 */
class ApiKeyAuthenticationFilterTest {

    /** The partners table as a starting instance has it: not readable yet. */
    private static final StoreQueries STARTING = new StoreQueries(null) {
        @Override
        public <V> Optional<V> get(String storeName, String key) {
            throw new StoreUnavailableException(storeName, new IllegalStateException("KafkaStreams is not running"));
        }
    };

    private final OrderProperties properties = new OrderProperties(List.of(), null, Duration.ofSeconds(30), null,
            Duration.ofDays(7), Duration.ofMinutes(1), Duration.ofDays(30));
    private final ApiKeyAuthenticationFilter filter =
            new ApiKeyAuthenticationFilter(new ApiKeyAuthenticator(properties, new Directory(STARTING)));

    @Test
    void aPartnersRequestWhileThePartnersTableCannotBeReadIsAskedToRetry() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/partner-orders");
        request.addHeader(ApiKeyAuthenticationFilter.HEADER, "pk_partner-lan_0123456789abcdef");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(chain.getRequest()).as("the request goes no further").isNull();
    }

    @Test
    void aKeyThatIsNoPartnersIsStillRefusedAtOnce() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/orders/o-1");
        request.addHeader(ApiKeyAuthenticationFilter.HEADER, "sk_unknown");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("The API key is not valid.");
    }
}
