package com.openfulfil.dropship.supplierportal;

import com.openfulfil.dropship.console.ConsoleCommon;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The supplier portal, ready to be served by a process: its pages under {@code /supplier}, its own
 * sign-in chain, its stream (application id {@code ops-console-supplier-portal}) and its settings
 * ({@code supplier-portal.yml}). The ops console's process imports it (one process, as
 * {@code ./dropship up} runs it); {@link SupplierPortalApplication} runs it alone. Its main class is
 * left out of the scan, so importing this never starts a second application.
 * Its name is not {@code SupplierPortal}: that bean name is the portal's stream function's.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
@ConfigurationPropertiesScan
@Import(ConsoleCommon.class)
public class SupplierPortalModule {
}
