package com.openfulfil.dropship.partner;

import com.openfulfil.dropship.console.security.StandaloneSecurity;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The partner app as a process of its own (a deployment that runs it apart from the ops console):
 * its settings are {@code partner-app-standalone.yml}, which imports the app's own {@code partner-app.yml}.
 */
@SpringBootApplication
@Import({PartnerAppModule.class, StandaloneSecurity.class})
public class PartnerAppApplication {
    /** The file of settings this process reads instead of {@code application.yml}. */
    public static final String CONFIG_NAME = "partner-app-standalone";

    public static void main(String[] args) {
        new SpringApplicationBuilder(PartnerAppApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
