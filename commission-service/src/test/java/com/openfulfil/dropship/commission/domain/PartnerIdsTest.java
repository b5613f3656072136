package com.openfulfil.dropship.commission.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerIdsTest {

    @Test
    void theSameEmailAlwaysGivesTheSamePartnerWhateverItsCase() {
        assertThat(PartnerIds.fromEmail("Lan@Example.VN ")).isEqualTo(PartnerIds.fromEmail("lan@example.vn"));
    }

    @Test
    void differentEmailsWithTheSameNameGiveDifferentPartners() {
        assertThat(PartnerIds.fromEmail("lan@example.vn")).isNotEqualTo(PartnerIds.fromEmail("lan@example.com"));
    }

    @Test
    void idsAreSafeInsideAnApiKeyAndAUrl() {
        String id = PartnerIds.fromEmail("Nguyễn.Thị_Lan+shop@example.vn");

        assertThat(id).matches("partner-[a-z0-9-]+").doesNotContain("_").doesNotContain("--");
        assertThat(PartnerIds.fromEmail("lan@example.vn")).startsWith("partner-lan-");
    }
}
