package com.openfulfil.dropship.manifests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the services share on Kubernetes is written once, in the service template, and reaches every one of them. */
class ServiceWorkloadsTest {

    @Test
    void everyLineOfTheTemplateWithoutAPlaceholderIsInEveryServicesObjects() throws IOException {
        String template;
        try (InputStream in = ServiceWorkloads.class.getResourceAsStream("/" + ServiceWorkloads.TEMPLATE)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String shared = template.substring(template.indexOf("---8<---\n") + "---8<---\n".length());
        assertThat(shared.lines().filter(line -> !line.contains("{{"))).as("the template's shared lines")
                .contains("            readOnlyRootFilesystem: true", "          readinessProbe:");
        for (Service service : Service.values()) {
            String objects = ServiceWorkloads.of(service);
            shared.lines().filter(line -> !line.contains("{{")).forEach(line ->
                    assertThat(objects).as(service.id()).contains(line + "\n"));
            assertThat(objects).as(service.id()).doesNotContain("{{", "---8<---")
                    .contains("  name: " + service.id() + "\n", "containerPort: " + service.port() + "\n");
        }
    }

    /** The payment provider's secret key is seen by the one service that pays refunds, and not required. */
    @Test
    void onlyOrderServiceReadsThePaymentProvidersSecret() {
        for (Service service : Service.values()) {
            assertThat(ServiceWorkloads.of(service).contains("name: " + ServiceWorkloads.PAYMENTS_SECRET + "\n"))
                    .as(service.id()).isEqualTo(service == Service.ORDER);
        }
        assertThat(ServiceWorkloads.of(Service.ORDER)).contains("name: " + ServiceWorkloads.PAYMENTS_SECRET
                + "\n                optional: true\n");
    }

    @Test
    void aPlaceholderTheGeneratorDoesNotFillIsRefusedByName() {
        assertThatThrownBy(() -> ServiceWorkloads.fill("replicas: {{replicas}}\nimage: {{image}}\n",
                Map.of("replicas", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{image}}").hasMessageContaining("replicas");
    }
}
