package com.openfulfil.dropship.support.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Collection;
import java.util.Map;

/**
 * Kafka Streams' handler for poison messages: one that cannot be read (bad JSON, unknown type,
 * impossible values) or whose processing throws goes to the dead-letter topic with the reason,
 * and the stream goes on. If the dead letter cannot be written, the stream stops rather than
 * lose the message.
 */
public class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    private String group;
    private String bootstrapServers;
    private Map<String, Object> security = Map.of();

    @Override
    public void configure(Map<String, ?> configs) {
        this.group = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        Object servers = configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        this.bootstrapServers = servers instanceof Collection<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(servers);
        this.security = DeadLetters.securityOf(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        boolean parked = DeadLetters.forBroker(bootstrapServers, security).send(record.topic(), group, record.partition(),
                record.offset(), record.key(), record.value(), record.headers(), exception);
        return parked ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.topic() == null) {
            // raised by a punctuator, not by a message: nothing to park, so stop and let the restart retry
            return ProcessingHandlerResponse.FAIL;
        }
        boolean parked = DeadLetters.forBroker(bootstrapServers, security).send(context.topic(), group, context.partition(),
                context.offset(), context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception);
        return parked ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }
}
