package io.learnflow.k8s.config;

/** A Kafka channel a service consumes: its topic, its consumer group and where records it cannot handle go. */
public record IncomingChannel(String name, String topic, String consumerGroup, String deadLetterTopic) {
}
