#!/bin/sh
# Generated from the topic registry (order-events Topics) and manifests/suppliers.yaml by the manifests module;
# rewrite with ./mvnw -pl manifests -am test -Dmanifests.write=true rather than by hand.
# Run once by the kafka-topics job of docker-compose.yml before any service starts.
set -eu
BOOTSTRAP="${BOOTSTRAP:-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
create() {
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --replication-factor "$REPLICATION_FACTOR" "$@"
}
create --topic catalog.feed --partitions 3 --config cleanup.policy=delete --config retention.ms=604800000
create --topic catalog.products --partitions 3 --config cleanup.policy=compact
create --topic catalog.stock-alerts --partitions 3 --config cleanup.policy=delete --config retention.ms=604800000
create --topic catalog.reservation-requests --partitions 3 --config cleanup.policy=delete --config retention.ms=604800000
create --topic catalog.reservation-results --partitions 3 --config cleanup.policy=delete --config retention.ms=604800000
create --topic orders.placed --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic orders.commands --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic orders.lifecycle --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic orders.allocations --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic fulfilment.events --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic fulfilment.commands --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic fulfilment.by-supplier --partitions 3 --config cleanup.policy=delete --config retention.ms=604800000
create --topic tracking.registrations --partitions 3 --config cleanup.policy=delete --config retention.ms=604800000
create --topic tracking.carrier-events --partitions 3 --config cleanup.policy=delete --config retention.ms=604800000
create --topic tracking.events --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic notifications.outbound --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic notifications.sms-opt-outs --partitions 3 --config cleanup.policy=compact
create --topic partners --partitions 3 --config cleanup.policy=compact
create --topic commissions.ledger --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic commissions.payout-requests --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic commissions.payout-details --partitions 3 --config cleanup.policy=compact
create --topic storefronts.webhooks --partitions 3 --config cleanup.policy=compact
create --topic ops.audit --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic channels.inbound --partitions 3 --config cleanup.policy=delete --config retention.ms=604800000
create --topic channels.outbound --partitions 3 --config cleanup.policy=delete --config retention.ms=604800000
create --topic channels.refusals --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic channels.amazon-watermarks --partitions 3 --config cleanup.policy=compact
create --topic channels.amazon-feeds --partitions 3 --config cleanup.policy=compact
create --topic supplier.shenzhen-gadgets.dispatch --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic supplier.shenzhen-gadgets.updates --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic supplier.hanoi-crafts.dispatch --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic supplier.hanoi-crafts.updates --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic supplier.lyon-linen.dispatch --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
create --topic supplier.lyon-linen.updates --partitions 3 --config cleanup.policy=delete --config retention.ms=-1
echo "Topics ready on $BOOTSTRAP"
