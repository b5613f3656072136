package com.openfulfil.dropship.support;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.openfulfil.dropship.support.config.DropshipProperties;
import com.openfulfil.dropship.support.instances.AllInstances;
import com.openfulfil.dropship.support.instances.InstanceCalls;
import com.openfulfil.dropship.support.instances.Instances;
import com.openfulfil.dropship.support.kafka.BrokerHealthIndicator;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.kafka.PartitionCounts;
import com.openfulfil.dropship.support.kafka.ServiceTopics;
import com.openfulfil.dropship.support.kafka.TopicProvisioner;
import com.openfulfil.dropship.support.security.AccessFilter;
import com.openfulfil.dropship.support.security.CallerResolver;
import com.openfulfil.dropship.support.security.ClientBudgets;
import com.openfulfil.dropship.support.security.PublicRoutes;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.streams.StreamsHealthIndicator;
import com.openfulfil.dropship.support.streams.StreamsSupervision;
import com.openfulfil.dropship.support.web.BodySizeFilter;
import com.openfulfil.dropship.support.web.ProblemDetailsAdvice;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The beans every service gets from depending on service-support. */
@AutoConfiguration
@EnableConfigurationProperties(DropshipProperties.class)
public class SupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    Admin dropshipAdmin(DropshipProperties properties, @Value("${spring.application.name}") String service) {
        Map<String, Object> config = new HashMap<>(properties.kafka().security());
        config.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, service + "-admin",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
        return Admin.create(config);
    }

    /** Shows as {@code kafka} in {@code /actuator/health}. */
    @Bean(name = "kafka")
    BrokerHealthIndicator kafkaHealthIndicator(Admin dropshipAdmin, DropshipProperties properties) {
        return new BrokerHealthIndicator(dropshipAdmin, properties.kafka().bootstrapServers());
    }

    @Bean
    PartitionCounts partitionCounts(Admin dropshipAdmin) {
        return new PartitionCounts(dropshipAdmin);
    }

    @Bean
    TopicProvisioner topicProvisioner(Admin dropshipAdmin, DropshipProperties properties,
                                      ObjectProvider<ServiceTopics> serviceTopics) {
        return new TopicProvisioner(dropshipAdmin, properties.topics(), serviceTopics.orderedStream().toList());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(DropshipProperties properties, @Value("${spring.application.name}") String service) {
        return new EventPublisher(properties.kafka().bootstrapServers(), service + "-publisher",
                properties.kafka().security());
    }

    /** Shows as {@code streams} in {@code /actuator/health}; part of readiness. */
    @Bean(name = "streams")
    StreamsHealthIndicator streamsHealthIndicator(KafkaStreamsRegistry registry, StoreQueries stores,
                                                  Instances instances,
                                                  @Value("${dropship.health.stores:}") List<String> storeNames) {
        return new StreamsHealthIndicator(registry, stores, instances, storeNames);
    }

    /**
     * Static membership under the instance's lasting id, a new thread for one that dies, and the service
     * not live if its streams stop for good. Primary: the binder applies only one configurer, and this
     * one applies the others.
     */
    @Bean
    @Primary
    StreamsSupervision streamsSupervision(MeterRegistry meterRegistry, ApplicationEventPublisher events,
                                          ObjectProvider<StreamsBuilderFactoryBeanConfigurer> configurers,
                                          @Value("${dropship.streams.instance-id:}") String instanceId,
                                          Admin dropshipAdmin, DropshipProperties properties) {
        return new StreamsSupervision(meterRegistry, events, configurers, instanceId, dropshipAdmin, properties.kafka());
    }

    @Bean
    StoreQueries storeQueries(InteractiveQueryService interactiveQueryService) {
        return new StoreQueries(interactiveQueryService);
    }

    /** Which instance of the service holds which keys (Kafka Streams' {@code application.server}). */
    @Bean
    Instances instances(ObjectProvider<InteractiveQueryService> interactiveQueryService) {
        return Instances.of(interactiveQueryService::getObject);
    }

    @Bean
    InstanceCalls instanceCalls() {
        return new InstanceCalls(Duration.ofSeconds(10));
    }

    @Bean
    AllInstances allInstances(Instances instances, InstanceCalls instanceCalls) {
        return new AllInstances(instances, instanceCalls);
    }

    /**
     * HTTP answers write money as strings ("19.90", like the API's requests and the events), never as
     * floating-point numbers, and leave out absent fields.
     */
    @Bean
    JsonMapperBuilderCustomizer moneyAsStrings() {
        return builder -> builder
                .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL));
    }

    @Bean
    @ConditionalOnWebApplication
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Public POSTs' budgets per client address ({@code resilience4j.ratelimiter.configs.public-post}, ...). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ClientBudgets clientBudgets(ObjectProvider<RateLimiterRegistry> registry,
                                @Value("${dropship.access.max-clients:100000}") int maxClients) {
        return new ClientBudgets(registry.getIfAvailable(RateLimiterRegistry::ofDefaults), maxClients);
    }

    /**
     * A service that says how it recognises its callers is locked except for its public routes
     * (health and metrics when it names none). It sits where Spring Security's chain would, after
     * the observation filter (a refusal is measured like any answer) and before every filter of the
     * service's own.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(CallerResolver.class)
    FilterRegistrationBean<AccessFilter> accessFilter(CallerResolver callers, ObjectProvider<PublicRoutes> publicRoutes,
                                                      ClientBudgets budgets) {
        FilterRegistrationBean<AccessFilter> registration = new FilterRegistrationBean<>(
                new AccessFilter(callers, publicRoutes.getIfAvailable(PublicRoutes::healthAndMetrics), budgets));
        registration.setOrder(ACCESS_FILTER_ORDER);
        return registration;
    }

    /**
     * The same services refuse a request body over {@code dropship.web.max-body-bytes} (0: no limit)
     * with 413 before anything reads it, ahead of the lock: a public POST's signature is checked over
     * the whole body, so without a limit anyone could make the service hold whatever they send.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(CallerResolver.class)
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(@Value("${dropship.web.max-body-bytes}") int maxBodyBytes) {
        FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(
                new BodySizeFilter(request -> maxBodyBytes));
        registration.setOrder(ACCESS_FILTER_ORDER - 1);
        return registration;
    }

    /** Where Spring Security's filter chain is ordered by default. */
    static final int ACCESS_FILTER_ORDER = -100;
}
