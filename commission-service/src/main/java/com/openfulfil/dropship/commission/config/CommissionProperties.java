package com.openfulfil.dropship.commission.config;

import com.openfulfil.dropship.commission.domain.DeductionRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param adminKeySha256 SHA-256 (hex) of the admin API key ({@code DROPSHIP_COMMISSION_ADMIN_KEY_SHA256})
 * @param demoPartners   partners granted at start-up (demo profile only); their keys are published as hashes
 * @param deductions     taxes and fees taken from gross commission, in this order
 */
@ConfigurationProperties("dropship.commission")
public record CommissionProperties(String adminKeySha256, @DefaultValue List<DemoPartner> demoPartners,
                                   @DefaultValue List<DeductionRule> deductions) {

    public record DemoPartner(String id, String name, String email, String apiKey) {
    }
}
