package io.learnflow.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** The consumer groups of a running LearnFlow as the broker sees them (Kafka Admin API): members, partitions, lag. */
public final class ConsumerGroups {

    /**
     * A member of a group and the partitions assigned to it. Every instance of a service has one member per incoming
     * channel, all with the channel's client id; the member id tells the instances apart.
     */
    public record Member(String memberId, String clientId, String host, List<TopicPartition> partitions) {
    }

    /**
     * One partition the group has committed on, or is assigned: where the group stands (its committed offset, or the
     * partition's earliest offset when it has committed none, as consumers reset to earliest) and the end offset.
     */
    public record PartitionLag(TopicPartition partition, long committed, long end) {

        public long lag() {
            return Math.max(0, end - committed);
        }
    }

    public record GroupStatus(String group, String state, List<Member> members, List<PartitionLag> partitions) {

        public long lag() {
            return partitions.stream().mapToLong(PartitionLag::lag).sum();
        }

        /** Every partition of the topic is assigned to some member. */
        public boolean assignsAllOf(String topic, int partitionCount) {
            Set<Integer> assigned = members.stream().flatMap(m -> m.partitions().stream())
                    .filter(p -> p.topic().equals(topic)).map(TopicPartition::partition).collect(Collectors.toSet());
            return assigned.size() == partitionCount;
        }
    }

    private static final long TIMEOUT_SECONDS = 10;

    private ConsumerGroups() {
    }

    public static List<GroupStatus> describe(String bootstrapServers, Collection<String> groups) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<GroupStatus> statuses = new ArrayList<>();
            for (String group : groups) {
                Optional<ConsumerGroupDescription> description = describe(admin, group);
                if (description.isEmpty()) {
                    statuses.add(new GroupStatus(group, "NOT_FOUND", List.of(), List.of()));
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                List<Member> members = description.get().members().stream().map(ConsumerGroups::member)
                        .sorted(Comparator.comparing(Member::clientId).thenComparing(Member::memberId)).toList();
                Set<TopicPartition> partitions = new java.util.HashSet<>(committed.keySet());
                members.forEach(m -> partitions.addAll(m.partitions()));
                Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(admin, partitions, OffsetSpec.latest());
                Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(admin, partitions, OffsetSpec.earliest());
                List<PartitionLag> lags = partitions.stream()
                        .sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
                        .map(p -> new PartitionLag(p, committed.get(p) == null ? starts.get(p).offset()
                                : committed.get(p).offset(), ends.get(p).offset()))
                        .toList();
                statuses.add(new GroupStatus(group, description.get().groupState().toString(), members, lags));
            }
            return statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the consumer groups at " + bootstrapServers + ": "
                    + e.getMessage(), e);
        }
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, Set<TopicPartition> partitions,
            OffsetSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return request.isEmpty() ? Map.of() : admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Optional<ConsumerGroupDescription> describe(Admin admin, String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return Optional.of(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Member member(MemberDescription member) {
        List<TopicPartition> partitions = member.assignment().topicPartitions().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition)).toList();
        return new Member(member.consumerId(), member.clientId(), member.host(), partitions);
    }

    /** What {@code ./learnflow status} prints for each group. */
    public static String render(List<GroupStatus> statuses) {
        StringBuilder text = new StringBuilder();
        for (GroupStatus status : statuses) {
            text.append(String.format("consumer group %-9s %-11s %d member(s), lag %d%n", status.group(),
                    status.state(), status.members().size(), status.lag()));
            for (Member member : status.members()) {
                text.append(String.format("  %-60s %s%n", member.memberId() + " " + member.host(),
                        partitionList(member.partitions())));
            }
            for (PartitionLag lag : status.partitions()) {
                if (lag.lag() > 0) {
                    text.append(String.format("  lag %-30s %d (committed %d, end %d)%n", lag.partition(), lag.lag(),
                            lag.committed(), lag.end()));
                }
            }
        }
        return text.toString();
    }

    private static String partitionList(List<TopicPartition> partitions) {
        Map<String, List<Integer>> byTopic = new java.util.TreeMap<>();
        partitions.forEach(p -> byTopic.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(p.partition()));
        return byTopic.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
