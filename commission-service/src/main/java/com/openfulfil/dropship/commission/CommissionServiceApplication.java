package com.openfulfil.dropship.commission;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommissionServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CommissionServiceApplication.class, args);
    }
}
