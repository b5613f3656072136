package com.openfulfil.dropship.tracking.config;

import com.openfulfil.dropship.events.model.NotificationKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Text messages to customers ({@code dropship.tracking.sms.*}, env {@code DROPSHIP_TRACKING_SMS_*}), through a
 * provider with the REST shape of the common ones: {@code POST <provider-url>/2010-04-01/Accounts/<account-sid>/Messages.json},
 * form fields {@code To}, {@code From}, {@code Body}, HTTP Basic with the account id and token.
 *
 * @param enabled     off by default: no store sends text messages until this is on
 * @param providerUrl the provider's API root
 * @param accountSid  the account's id
 * @param authToken   the account's token (from a secret); it also signs the provider's inbound webhooks
 * @param from        the sending number or sender id
 * @param stores      by storefront id: the steps the store sends a text message for
 * @param otherOrders the steps sent for orders of a store not listed (a partner's order); none by default
 * @param inboundUrl  the address the provider posts customers' replies to, exactly as the provider calls it
 *                    (its signature covers it); without it, the address the request arrived at
 */
@ConfigurationProperties("dropship.tracking.sms")
public record SmsProperties(@DefaultValue("false") boolean enabled, URI providerUrl, String accountSid,
                            String authToken, String from, Map<String, List<NotificationKind>> stores,
                            List<NotificationKind> otherOrders, URI inboundUrl) {
    public SmsProperties {
        stores = stores == null ? Map.of() : Map.copyOf(stores);
        otherOrders = otherOrders == null ? List.of() : List.copyOf(otherOrders);
        if (enabled && (providerUrl == null || isBlank(accountSid) || isBlank(authToken) || isBlank(from))) {
            throw new IllegalStateException("dropship.tracking.sms.enabled=true needs provider-url, account-sid, "
                    + "auth-token and from");
        }
    }

    /** Whether a text message goes out for {@code kind} on an order of {@code storefrontId} (null: no store). */
    public boolean sends(String storefrontId, NotificationKind kind) {
        List<NotificationKind> kinds = storefrontId == null ? null : stores.get(storefrontId);
        return (kinds != null ? kinds : otherOrders).contains(kind);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
