package com.openfulfil.dropship.channel.connector;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AmazonFeedsTest {
    @Test
    void ourCancellationReasonBecomesAmazonsClosestCancelReasonWhoeverCancelled() {
        assertThat(AmazonFeeds.cancelReason("cancelled by ops: out of stock at the supplier; asking the suppliers"))
                .isEqualTo("NoInventory");
        assertThat(AmazonFeeds.cancelReason("cancelled by partner:p-1: the address is undeliverable"))
                .isEqualTo("ShippingAddressUndeliverable");
        assertThat(AmazonFeeds.cancelReason("cancelled by ops: customer wants an exchange"))
                .isEqualTo("CustomerExchange");
        assertThat(AmazonFeeds.cancelReason("cancelled by storefront: customer asked")).isEqualTo("BuyerCanceled");
        // who cancelled is not why: a supplier's name in the requester says nothing of stock
        assertThat(AmazonFeeds.cancelReason("cancelled by supplier-desk")).isEqualTo("GeneralAdjustment");
        assertThat(AmazonFeeds.cancelReason(null)).isEqualTo("GeneralAdjustment");
    }

    @Test
    void aCancellationIsAFailureAcknowledgementOfEveryItemWithItsReason() {
        String xml = AmazonFeeds.cancellation("A2SELLER", "111-1", List.of("item-a", "item-b"), "NoInventory");
        assertThat(xml).contains("<MerchantIdentifier>A2SELLER</MerchantIdentifier>",
                "<MessageType>OrderAcknowledgement</MessageType>", "<AmazonOrderID>111-1</AmazonOrderID>",
                "<StatusCode>Failure</StatusCode>",
                "<Item><AmazonOrderItemCode>item-a</AmazonOrderItemCode><CancelReason>NoInventory</CancelReason></Item>",
                "<Item><AmazonOrderItemCode>item-b</AmazonOrderItemCode><CancelReason>NoInventory</CancelReason></Item>");
    }

    @Test
    void aTrackingCorrectionNamesTheCarrierByCodeOrNameAndThePackagesItems() {
        String known = AmazonFeeds.trackingCorrection("A2SELLER", "111-1", Map.entry("DHL", "DHL"), "JJD1",
                List.of(new AmazonFeeds.Item("item-a", 2)), Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(known).contains("<MessageType>OrderFulfillment</MessageType>", "<CarrierCode>DHL</CarrierCode>",
                "<ShipperTrackingNumber>JJD1</ShipperTrackingNumber>",
                "<FulfillmentDate>2026-12-07T10:00:00Z</FulfillmentDate>",
                "<Item><AmazonOrderItemCode>item-a</AmazonOrderItemCode><Quantity>2</Quantity></Item>");
        String other = AmazonFeeds.trackingCorrection("A2SELLER", "111-1", Map.entry("Other", "Poste & Co <EU>"),
                "X1", List.of(new AmazonFeeds.Item("item-a", 1)), Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(other).contains("<CarrierName>Poste &amp; Co &lt;EU&gt;</CarrierName>").doesNotContain("CarrierCode");
    }

    @Test
    void aFeedIsRefusedWhenAmazonCouldNotProcessItOrItsReportCountsAnError() {
        String clean = "<ProcessingSummary><MessagesProcessed>1</MessagesProcessed><MessagesWithError>0"
                + "</MessagesWithError></ProcessingSummary>";
        assertThat(AmazonFeedWatch.outcome("DONE", clean)).isNull();
        String failed = "<ProcessingSummary><MessagesWithError>1</MessagesWithError></ProcessingSummary><Result>"
                + "<ResultCode>Error</ResultCode><ResultDescription>Order 111-1 has shipped items &amp; cannot be"
                + " cancelled</ResultDescription></Result>";
        assertThat(AmazonFeedWatch.outcome("DONE", failed)).isEqualTo("Order 111-1 has shipped items & cannot be cancelled");
        assertThat(AmazonFeedWatch.outcome("FATAL", "")).isEqualTo("Amazon could not process it");
    }
}
