package com.openfulfil.dropship.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SupplierGatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(SupplierGatewayApplication.class, args);
    }
}
