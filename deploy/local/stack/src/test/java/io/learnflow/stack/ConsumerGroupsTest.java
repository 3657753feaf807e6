package io.learnflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.learnflow.model.Topics;

class ConsumerGroupsTest {

    static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(Map.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void twoMembersOfAGroupShareThePartitionsAndTheLagIsWhatTheyHaveNotCommitted() {
        String group = "status-" + UUID.randomUUID();
        KafkaProbe kafka = new KafkaProbe(stack.endpoints());
        for (int i = 0; i < 5; i++) {
            kafka.send(Topics.QUERY_DEBUG, "student-" + i, "{}");
        }
        try (KafkaConsumer<String, String> first = consumer(group, "first");
                KafkaConsumer<String, String> second = consumer(group, "second")) {
            first.subscribe(List.of(Topics.QUERY_DEBUG));
            second.subscribe(List.of(Topics.QUERY_DEBUG));

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                first.poll(Duration.ofMillis(100));
                second.poll(Duration.ofMillis(100));
                ConsumerGroups.GroupStatus status = describe(group);
                return status.members().size() == 2 && status.assignsAllOf(Topics.QUERY_DEBUG, 6)
                        && status.members().stream().allMatch(m -> m.partitions().size() == 3);
            });

            ConsumerGroups.GroupStatus status = describe(group);
            assertThat(status.members()).extracting(ConsumerGroups.Member::clientId).containsExactly("first", "second");
            assertThat(status.lag()).isEqualTo(5);
            assertThat(ConsumerGroups.render(List.of(status))).contains("consumer group " + group, "2 member(s), lag 5",
                    "first", "second", Topics.QUERY_DEBUG);
        }
    }

    @Test
    void aGroupThatNeverRanIsReportedWithoutMembers() {
        ConsumerGroups.GroupStatus status = describe("never-" + UUID.randomUUID());

        assertThat(status.members()).isEmpty();
        assertThat(status.lag()).isZero();
    }

    private static ConsumerGroups.GroupStatus describe(String group) {
        return ConsumerGroups.describe(stack.endpoints().kafkaBootstrap(), List.of(group)).get(0);
    }

    private static KafkaConsumer<String, String> consumer(String group, String clientId) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }
}
