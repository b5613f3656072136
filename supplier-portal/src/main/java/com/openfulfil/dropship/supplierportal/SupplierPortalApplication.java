package com.openfulfil.dropship.supplierportal;

import com.openfulfil.dropship.console.security.StandaloneSecurity;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The supplier portal as a process of its own (a deployment that runs it apart from the ops console):
 * its settings are {@code supplier-portal-standalone.yml}, which imports the portal's own
 * {@code supplier-portal.yml}. Its stream keeps the application id it has in the console's process,
 * so moving the portal from one to the other keeps its state and offsets.
 */
@SpringBootApplication
@Import({SupplierPortalModule.class, StandaloneSecurity.class})
public class SupplierPortalApplication {
    /** The file of settings this process reads instead of {@code application.yml}. */
    public static final String CONFIG_NAME = "supplier-portal-standalone";

    public static void main(String[] args) {
        new SpringApplicationBuilder(SupplierPortalApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
