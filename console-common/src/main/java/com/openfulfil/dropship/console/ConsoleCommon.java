package com.openfulfil.dropship.console;

import com.openfulfil.dropship.console.config.GatewayAccess;
import com.openfulfil.dropship.console.config.ServiceAddresses;
import com.openfulfil.dropship.console.connector.GatewayClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the ops console and the supplier portal import from this module: the services' addresses,
 * supplier-gateway's settings and its client. Imported by both in one process, it still makes one of
 * each. (The partner app needs only {@link ServiceAddresses}.)
 */
@Configuration
@EnableConfigurationProperties({ServiceAddresses.class, GatewayAccess.class})
public class ConsoleCommon {
    @Bean
    GatewayClient gatewayClient(ServiceAddresses services, GatewayAccess access) {
        return new GatewayClient(services.service("supplier-gateway"), access);
    }
}
