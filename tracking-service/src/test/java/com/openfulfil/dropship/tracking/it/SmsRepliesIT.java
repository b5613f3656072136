package com.openfulfil.dropship.tracking.it;

import com.openfulfil.dropship.events.notification.SmsOptOutChanged;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.testing.EmbeddedBroker;
import com.openfulfil.dropship.support.testing.KafkaIntegrationTest;
import com.openfulfil.dropship.support.testing.TopicReader;
import com.openfulfil.dropship.tracking.TrackingServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers' replies to text messages, posted by the provider and signed with the account's token:
 * STOP opts the number out, START back in, anything else changes nothing, and an unsigned or
 * tampered post changes nothing either.
 */
@SpringBootTest(classes = TrackingServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dropship.tracking.sms.enabled=true",
                "dropship.tracking.sms.provider-url=http://127.0.0.1:9",
                "dropship.tracking.sms.account-sid=AC123",
                "dropship.tracking.sms.auth-token=token-1",
                "dropship.tracking.sms.from=+15005550006",
                "dropship.tracking.sms.inbound-url=https://example.com/webhooks/sms/inbound"})
class SmsRepliesIT extends KafkaIntegrationTest {
    /** The provider's signature of STOP_FORM at the inbound address, computed apart from the service's code. */
    private static final String STOP_SIGNATURE = "Be5JRicCkgfNcIK8iBHRUmSGdkM=";
    private static final String STOP_FORM = "From=%2B84901234567&Body=STOP&MessageSid=SM1&To=%2B15005550006";

    @LocalServerPort
    int port;

    @Test
    void aSignedStopOptsTheNumberOutAndNothingElseChangesAnything() throws Exception {
        try (TopicReader optOuts = new TopicReader(EmbeddedBroker.bootstrapServers(), Topics.SMS_OPT_OUTS.name())) {
            assertThat(post(STOP_FORM, null).statusCode()).as("unsigned").isEqualTo(401);
            assertThat(post(STOP_FORM.replace("STOP", "START"), STOP_SIGNATURE).statusCode()).as("tampered").isEqualTo(401);

            HttpResponse<String> stop = post(STOP_FORM, STOP_SIGNATURE);
            assertThat(stop.statusCode()).isEqualTo(200);
            assertThat(stop.body()).contains("<Response></Response>");

            assertThat(optOuts.until(Duration.ofSeconds(30), seen -> !seen.isEmpty())).singleElement()
                    .satisfies(record -> assertThat(record.key()).isEqualTo("+84901234567"));
            assertThat(optOuts.valuesOf(SmsOptOutChanged.class)).singleElement().satisfies(changed -> {
                assertThat(changed.optedOut()).isTrue();
                assertThat(changed.keyword()).isEqualTo("STOP");
            });
        }
    }

    private HttpResponse<String> post(String form, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/sms/inbound"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
