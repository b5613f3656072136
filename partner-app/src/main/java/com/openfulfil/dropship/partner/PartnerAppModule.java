package com.openfulfil.dropship.partner;

import com.openfulfil.dropship.console.ConsoleAppModule;
import com.openfulfil.dropship.console.config.ServiceAddresses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The partner app, ready to be served by a process: its pages under {@code /partner}, its own sign-in
 * chain, its settings ({@code partner-app.yml}). The ops console's process imports it (one process, as
 * {@code ./dropship up} runs it); {@link PartnerAppApplication} runs it alone.
 */
@ConsoleAppModule
@EnableConfigurationProperties(ServiceAddresses.class)
public class PartnerAppModule {
}
