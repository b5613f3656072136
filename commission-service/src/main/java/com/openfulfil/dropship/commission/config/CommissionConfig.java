package com.openfulfil.dropship.commission.config;

import com.openfulfil.dropship.commission.domain.CommissionPolicy;
import com.openfulfil.dropship.commission.domain.PayoutPolicy;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration
class CommissionConfig {
    static final String SERVICE = "commission-service";

    /** Dead-letter topics for every input: a poison partner record is parked like a poison order event. */
    @Bean
    ServiceTopics commissionTopics() {
        return new ServiceTopics(SERVICE, List.of(),
                List.of(Topics.ORDERS_LIFECYCLE.name(), Topics.PARTNERS.name(), Topics.PAYOUT_REQUESTS.name(),
                        Topics.PAYOUT_DETAILS.name()));
    }

    @Bean
    CommissionPolicy commissionPolicy(CommissionProperties properties) {
        return new CommissionPolicy(properties.deductions());
    }

    @Bean
    PayoutPolicy payoutPolicy(CommissionProperties properties) {
        return new PayoutPolicy(properties.payouts().returnWindow(), properties.payouts().minimum());
    }
}
