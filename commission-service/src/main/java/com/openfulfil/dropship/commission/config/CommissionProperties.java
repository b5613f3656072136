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
 * @param payoutDetails  the keys partners' payout details are encrypted with
 */
@ConfigurationProperties("dropship.commission")
public record CommissionProperties(String adminKeySha256, @DefaultValue List<DemoPartner> demoPartners,
                                   @DefaultValue List<DeductionRule> deductions, @DefaultValue Payouts payouts,
                                   @DefaultValue PayoutDetailsKeys payoutDetails) {

    /**
     * @param returnWindow how long after it is earned commission stays pending (refunds claw it back first)
     * @param minimum      the smallest payout per currency code; none configured means no minimum
     */
    public record Payouts(@DefaultValue("30d") Duration returnWindow, @DefaultValue Map<String, BigDecimal> minimum) {
    }

    /**
     * @param key          Base64 of 32 random bytes ({@code DROPSHIP_COMMISSION_PAYOUT_DETAILS_KEY}, a secret);
     *                     without it, payout details are refused rather than kept in clear
     * @param previousKeys keys rotated out, still used to read details sealed with them
     *                     ({@code DROPSHIP_COMMISSION_PAYOUT_DETAILS_PREVIOUS_KEYS_0}, ...)
     */
    public record PayoutDetailsKeys(String key, @DefaultValue List<String> previousKeys) {
        public boolean isConfigured() {
            return key != null && !key.isBlank();
        }
    }

    /** @param payoutDetails where the demo partner is paid; kept (sealed) once, unless other details are on file */
    public record DemoPartner(String id, String name, String email, String apiKey, String payoutDetails) {
    }
}
