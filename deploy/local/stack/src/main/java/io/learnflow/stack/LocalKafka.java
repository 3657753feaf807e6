package io.learnflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.learnflow.model.Topics;

/** A real single-node KRaft Kafka broker in this JVM, on 127.0.0.1 and a free port. */
final class LocalKafka implements AutoCloseable {

    static final int PARTITIONS = 6;

    private final KafkaClusterTestKit cluster;

    private LocalKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static LocalKafka start(Path dataDirectory) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dataDirectory)
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "6")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("num.partitions", String.valueOf(PARTITIONS))
                .setConfigProp("auto.create.topics.enable", "false")
                .setDeleteOnClose(true)
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new LocalKafka(cluster);
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Stops the broker and starts it again on the same port with the same logs, as a restarted broker process would
     * (the KRaft controller of the node keeps running); clients see their connections drop and reconnect.
     */
    void restartBroker() throws Exception {
        for (var broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
            broker.startup();
        }
        cluster.waitForReadyBrokers();
    }

    /**
     * Creates every LearnFlow topic: each consumed one with its dead-letter sibling, and the announced ones; topics
     * that exist are left as they are.
     */
    static void createTopics(String bootstrapServers) throws InterruptedException, ExecutionException {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.CONSUMED) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), PARTITIONS, (short) 1));
        }
        for (String topic : Topics.ANNOUNCED) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create LearnFlow topics: " + e.getCause().getMessage(), e);
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
