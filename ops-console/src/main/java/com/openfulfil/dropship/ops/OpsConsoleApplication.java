package com.openfulfil.dropship.ops;

import com.openfulfil.dropship.console.ConsoleCommon;
import com.openfulfil.dropship.partner.PartnerAppModule;
import com.openfulfil.dropship.supplierportal.SupplierPortalModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The ops console's process. It serves the partner app and the supplier portal too, each with its own
 * sign-in chain and settings, so a small machine runs one process ({@code ./dropship up}); a deployment
 * that runs them apart starts {@code PartnerAppApplication} and {@code SupplierPortalApplication} instead
 * (docs/operations.md, "One process or three").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({ConsoleCommon.class, PartnerAppModule.class, SupplierPortalModule.class})
public class OpsConsoleApplication {
    public static void main(String[] args) {
        SpringApplication.run(OpsConsoleApplication.class, args);
    }
}
