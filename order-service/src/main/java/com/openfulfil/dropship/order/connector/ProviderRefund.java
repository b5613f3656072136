package com.openfulfil.dropship.order.connector;

/**
 * What the payment provider answered for one refund.
 *
 * @param id      the provider's id of the refund ({@code re_...}); absent when it refused the request outright
 * @param status  {@code succeeded}, {@code pending} or {@code failed}; or, asked how a refund stands, {@code unknown}:
 *                the provider has no such refund
 * @param failure why it failed, or why it is unknown, in the provider's words; absent unless failed or unknown
 */
record ProviderRefund(String id, String status, String failure) {
    static final String SUCCEEDED = "succeeded";
    static final String PENDING = "pending";
    static final String FAILED = "failed";
    static final String UNKNOWN = "unknown";

    static ProviderRefund refused(String why) {
        return new ProviderRefund(null, FAILED, why);
    }

    boolean failed() {
        return FAILED.equals(status);
    }

    boolean unknown() {
        return UNKNOWN.equals(status);
    }
}
