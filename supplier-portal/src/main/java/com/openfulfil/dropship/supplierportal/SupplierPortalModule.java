package com.openfulfil.dropship.supplierportal;

import com.openfulfil.dropship.console.ConsoleAppModule;
import com.openfulfil.dropship.console.ConsoleCommon;
import org.springframework.context.annotation.Import;

/**
 * The supplier portal, ready to be served by a process: its pages under {@code /supplier}, its own
 * sign-in chain, its stream (application id {@code ops-console-supplier-portal}) and its settings
 * ({@code supplier-portal.yml}). The ops console's process imports it (one process, as
 * {@code ./dropship up} runs it); {@link SupplierPortalApplication} runs it alone. Its name is not
 * {@code SupplierPortal}: that bean name is the portal's stream function's.
 */
@ConsoleAppModule
@Import(ConsoleCommon.class)
public class SupplierPortalModule {
}
