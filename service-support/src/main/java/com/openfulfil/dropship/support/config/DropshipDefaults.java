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
 * service starts from the same Kafka Streams settings and anything else overrides them.
 */
public class DropshipDefaults implements EnvironmentPostProcessor {
    static final String NAME = "dropshipDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(NAME, new ClassPathResource("dropship-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException("dropship-defaults.properties is missing from service-support", e);
        }
    }
}
