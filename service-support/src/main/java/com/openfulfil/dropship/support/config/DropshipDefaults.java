package com.openfulfil.dropship.support.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code dropship-defaults.properties} as the lowest-precedence property source, so every
 * service starts from the same Kafka Streams settings and anything else overrides them. With the
 * {@code prod} profile, {@code dropship-defaults-prod.properties} comes first: replicated topics,
 * acks from every in-sync replica, standby state, and topics owned by the platform.
 */
public class DropshipDefaults implements EnvironmentPostProcessor {
    static final String NAME = "dropshipDefaults";
    /** The profile a production deployment runs with ({@code SPRING_PROFILES_ACTIVE=prod}). */
    public static final String PRODUCTION = "prod";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(NAME, new ClassPathResource("dropship-defaults.properties")));
            if (environment.matchesProfiles(PRODUCTION)) {
                // above the general defaults, below everything a deployment sets
                environment.getPropertySources().addBefore(NAME, new ResourcePropertySource(NAME + "-" + PRODUCTION,
                        new ClassPathResource("dropship-defaults-" + PRODUCTION + ".properties")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The defaults are missing from service-support", e);
        }
    }
}
