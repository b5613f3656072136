package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.notification.SmsOptOutChanged;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.tracking.config.SmsProperties;
import com.openfulfil.dropship.tracking.domain.notification.PhoneNumbers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A customer's reply to a text message, as the provider posts it ({@code From}, {@code Body}, form-encoded,
 * signed in {@code X-Twilio-Signature}: Base64 HMAC-SHA1, with the account's token, of the address followed by
 * every parameter's name and value in name order). STOP and its usual synonyms opt the number out of text
 * messages, START opts it in again ({@code notifications.sms-opt-outs}); any other reply changes nothing. The
 * answer is an empty provider reply, so the provider sends nothing back itself.
 */
@RestController
@ConditionalOnProperty(name = "dropship.tracking.sms.enabled", havingValue = "true")
class SmsReplyController {
    static final String SIGNATURE = "X-Twilio-Signature";
    static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> START = Set.of("START", "UNSTOP", "YES");
    private static final String EMPTY_REPLY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final SmsProperties properties;
    private final EventPublisher publisher;
    private final Clock clock;

    SmsReplyController(SmsProperties properties, EventPublisher publisher, Clock clock) {
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/sms/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> reply(@RequestHeader(value = SIGNATURE, required = false) String signature,
                                 @RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        String url = properties.inboundUrl() != null ? properties.inboundUrl().toString()
                : request.getRequestURL().toString();
        if (signature == null || !MessageDigest.isEqual(sign(properties.authToken(), url, form)
                .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiProblem.unauthorized("The " + SIGNATURE + " header is missing or does not match the request");
        }
        Optional<String> phone = PhoneNumbers.e164(form.getFirst("From"));
        String word = form.getFirst("Body") == null ? "" : form.getFirst("Body").strip().toUpperCase(Locale.ROOT);
        if (phone.isPresent() && (STOP.contains(word) || START.contains(word))) {
            boolean out = STOP.contains(word);
            String messageId = form.getFirst("MessageSid") != null ? form.getFirst("MessageSid") : word;
            publisher.publishAndWait(Topics.SMS_OPT_OUTS, phone.get(), new SmsOptOutChanged(
                    EventIds.derived("sms-reply", phone.get(), messageId), clock.instant(), phone.get(), out, word));
        }
        return ResponseEntity.ok(EMPTY_REPLY);
    }

    /** The provider's signature of a form post: the address, then each parameter name and value, by name. */
    static String sign(String token, String url, MultiValueMap<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, values) -> values.forEach(v -> data.append(name).append(v)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
