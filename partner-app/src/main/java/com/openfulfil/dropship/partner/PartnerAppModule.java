package com.openfulfil.dropship.partner;

import com.openfulfil.dropship.console.config.ServiceAddresses;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The partner app, ready to be served by a process: its pages under {@code /partner}, its own sign-in
 * chain, its settings ({@code partner-app.yml}). The ops console's process imports it (one process, as
 * {@code ./dropship up} runs it); {@link PartnerAppApplication} runs it alone. Its main class is left
 * out of the scan, so importing this never starts a second application.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
@ConfigurationPropertiesScan
@EnableConfigurationProperties(ServiceAddresses.class)
public class PartnerAppModule {
}
