package com.openfulfil.dropship.ops.it;

import com.openfulfil.dropship.ops.OpsConsoleApplication;
import com.openfulfil.dropship.partner.config.PartnerAppProperties;
import com.openfulfil.dropship.supplierportal.config.SupplierPortalProperties;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's process reads the partner app's and the supplier portal's own settings files, and
 * its demo profile (./dropship up) still sets theirs over them. Same context as
 * {@link OpsConsoleRouteLocksIT}, so it starts no console of its own.
 */
@SpringBootTest(classes = OpsConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OpsConsoleSettingsIT extends KafkaIntegrationTest {
    @Autowired
    PartnerAppProperties partner;
    @Autowired
    SupplierPortalProperties portal;
    @Value("${spring.cloud.stream.kafka.streams.binder.functions.supplierPortal.application-id}")
    String portalStream;
    @Value("${spring.cloud.stream.kafka.streams.binder.functions.watch.application-id}")
    String consoleStream;
    @Value("${spring.messages.basename}")
    String words;

    @Test
    void theDemoSettingsOfBothAppsWinOverTheirOwnFiles() {
        assertThat(partner.timeZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(portal.carrierCodes()).containsExactly("COLISSIMO", "DHL", "SF", "VNPOST");
        assertThat(portal.suppliers()).extracting(SupplierPortalProperties.Supplier::id)
                .containsExactly("shenzhen-gadgets", "hanoi-crafts", "lyon-linen");
    }

    @Test
    void theStreamsKeepTheirApplicationIdsAndThePartnerAppItsWords() {
        assertThat(consoleStream).isEqualTo("ops-console");
        assertThat(portalStream).isEqualTo("ops-console-supplier-portal");
        assertThat(words).isEqualTo("messages_partner");
    }
}
