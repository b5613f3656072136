package com.openfulfil.dropship.ops.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the console acts on an order ({@code DROPSHIP_OPS_ORDER_ACTIONS_...}).
 *
 * @param adminKey order-service's admin API key ({@code X-Api-Key}); without it the stuck-orders page
 *                 shows the orders but offers no action
 */
@ConfigurationProperties("dropship.ops.order-actions")
public record OrderActionsProperties(String adminKey) {

    public boolean enabled() {
        return adminKey != null && !adminKey.isBlank();
    }
}
