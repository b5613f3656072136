package com.openfulfil.dropship.local.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The local text-message provider takes what a real one takes and leaves each message beside the e-mails. */
class SmsProviderSimulatorTest {

    @Test
    void aMessageFromTheAccountIsWrittenToTheMailboxAndAStrangerIsRefused(@TempDir Path mailbox) throws Exception {
        try (SmsProviderSimulator provider = new SmsProviderSimulator(mailbox)) {
            provider.start();
            String auth = "Basic " + Base64.getEncoder().encodeToString((SmsProviderSimulator.ACCOUNT + ":"
                    + SmsProviderSimulator.TOKEN).getBytes(StandardCharsets.UTF_8));
            String form = "To=%2B84901234567&From=%2B15005550006&Body=Demo+Shop%3A+on+its+way";

            assertThat(post(provider, auth, form).statusCode()).isEqualTo(201);
            assertThat(post(provider, "Basic bm9ib2R5OnNlY3JldA==", form).statusCode()).isEqualTo(401);
            assertThat(post(provider, auth, "Body=no+number").statusCode()).isEqualTo(400);

            assertThat(Files.readString(mailbox.resolve("sms/n-1.txt"))).contains("To: +84901234567",
                    "Demo Shop: on its way");
            assertThat(provider.sent()).isEqualTo(1);
            assertThat(provider.serviceArgs()).contains("--dropship.tracking.sms.enabled=true",
                    "--dropship.tracking.sms.provider-url=" + provider.url());
        }
    }

    private static HttpResponse<String> post(SmsProviderSimulator provider, String auth, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.url()
                        + "/2010-04-01/Accounts/" + SmsProviderSimulator.ACCOUNT + "/Messages.json"))
                .header("Authorization", auth).header("Idempotency-Key", "n-1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
