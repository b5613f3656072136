package com.openfulfil.dropship.channel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChannelGatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(ChannelGatewayApplication.class, args);
    }
}
