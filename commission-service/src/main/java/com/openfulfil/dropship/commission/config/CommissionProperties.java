package com.openfulfil.dropship.commission.config;

import com.openfulfil.dropship.commission.domain.DeductionRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param adminKeySha256 SHA-256 (hex) of the admin API key ({@code DROPSHIP_COMMISSION_ADMIN_KEY_SHA256})
 * @param demoPartners   partners granted at start-up (demo profile only); their keys are published as hashes
 * @param deductions     taxes and fees taken from gross commission, in this order
 * @param payouts        when commission becomes available and the smallest payout per currency
 */
@ConfigurationProperties("dropship.commission")
public record CommissionProperties(String adminKeySha256, @DefaultValue List<DemoPartner> demoPartners,
                                   @DefaultValue List<DeductionRule> deductions, @DefaultValue Payouts payouts) {

    /**
     * @param returnWindow how long after it is earned commission stays pending (refunds claw it back first)
     * @param minimum      the smallest payout per currency code; none configured means no minimum
     */
    public record Payouts(@DefaultValue("30d") Duration returnWindow, @DefaultValue Map<String, BigDecimal> minimum) {
    }

    public record DemoPartner(String id, String name, String email, String apiKey) {
    }
}
