package com.openfulfil.dropship.support.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DropshipDefaultsTest {

    @Test
    void aServiceOnItsOwnStartsFromSingleBrokerDefaults() {
        StandardEnvironment environment = environment();
        assertThat(environment.getProperty("dropship.topics.replication-factor")).isEqualTo("1");
        assertThat(environment.getProperty("dropship.topics.provision-registry")).isNull();
        assertThat(environment.getProperty("dropship.streams.processing-guarantee")).isEqualTo("exactly_once_v2");
    }

    @Test
    void everyServiceRecoversQuicklyByDefault() {
        StandardEnvironment environment = environment();
        String binder = "spring.cloud.stream.kafka.streams.binder.configuration.";
        assertThat(environment.getProperty(binder + "session.timeout.ms")).isEqualTo("6000");
        assertThat(environment.getProperty(binder + "heartbeat.interval.ms")).isEqualTo("1500");
        assertThat(environment.getProperty(binder + "producer.transaction.timeout.ms")).isEqualTo("10000");
        assertThat(environment.getProperty(binder + "num.standby.replicas")).isEqualTo("1");
        assertThat(environment.getProperty(binder + "probing.rebalance.interval.ms")).isEqualTo("60000");
        assertThat(environment.getProperty(binder + "processing.guarantee")).isEqualTo("exactly_once_v2");
    }

    @Test
    void theProductionProfileReplicatesAndLeavesTheRegistryTopicsToThePlatform() {
        StandardEnvironment environment = environment("prod");
        assertThat(environment.getProperty("dropship.topics.replication-factor")).isEqualTo("3");
        assertThat(environment.getProperty("dropship.topics.min-insync-replicas")).isEqualTo("2");
        assertThat(environment.getProperty("dropship.topics.provision-registry")).isEqualTo("false");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.streams.binder.configuration.producer.acks"))
                .isEqualTo("all");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.streams.binder.configuration.num.standby.replicas"))
                .isEqualTo("1");
        assertThat(environment.getProperty("dropship.streams.processing-guarantee")).isEqualTo("exactly_once_v2");
    }

    @Test
    void inProductionKafkaStreamsLogsInLikeEveryOtherClient() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("prod");
        environment.getPropertySources().addFirst(new MapPropertySource("deployment",
                Map.of("dropship.kafka.sasl-jaas-config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                        + "required username=\"order-service\" password=\"s3cret\";")));
        new DropshipDefaults().postProcessEnvironment(environment, new SpringApplication());
        String binder = "spring.cloud.stream.kafka.streams.binder.configuration.";
        assertThat(environment.getProperty(binder + "security.protocol")).isEqualTo("SASL_SSL");
        assertThat(environment.getProperty(binder + "sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty(binder + "sasl.jaas.config")).contains("username=\"order-service\"");
        assertThat(environment.getProperty(binder + "ssl.truststore.location")).isEqualTo("/etc/kafka-ca/ca.crt");
    }

    @Test
    void theSecuritySettingsOfAHandBuiltClientFollowTheProtocol() {
        assertThat(new DropshipProperties.Kafka("kafka:9092", "PLAINTEXT", "SCRAM-SHA-512", "login", "/ca.crt").security())
                .containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
        assertThat(new DropshipProperties.Kafka("kafka:9093", "SASL_SSL", "SCRAM-SHA-512", "login", "/ca.crt").security())
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "login").containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/ca.crt");
    }

    @Test
    void whatADeploymentSetsWinsOverTheProductionDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("prod");
        environment.getPropertySources().addFirst(new MapPropertySource("deployment",
                Map.of("dropship.topics.replication-factor", "5")));
        new DropshipDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("dropship.topics.replication-factor")).isEqualTo("5");
    }

    private static StandardEnvironment environment(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        new DropshipDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
