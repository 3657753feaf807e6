package io.learnflow.k8s.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's configuration as Quarkus resolves it from the repository's files: service-support's defaults, then
 * specialist-support's for a specialist, then the service's own {@code application.properties}, with
 * {@code ${...}} expressions expanded when a value is read. Profile-specific ({@code %test.}) entries are left out.
 *
 * @param properties the raw values, before expansion
 */
public record ServiceConfiguration(String service, Map<String, String> properties) {

    private static final String SUPPORT = "service-support/src/main/resources/META-INF/microprofile-config.properties";
    private static final String SPECIALIST = "specialist-support/src/main/resources/META-INF/microprofile-config.properties";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final String KAFKA_CONNECTOR = "mp.messaging.connector.smallrye-kafka.";

    public static ServiceConfiguration load(Path repository, String service) {
        Path module = repository.resolve(service + "-service");
        Map<String, String> raw = new LinkedHashMap<>();
        raw.putAll(read(repository.resolve(SUPPORT)));
        if (isSpecialist(module)) {
            raw.putAll(read(repository.resolve(SPECIALIST)));
        }
        raw.putAll(read(module.resolve("src/main/resources/application.properties")));
        raw.keySet().removeIf(key -> key.startsWith("%"));
        return new ServiceConfiguration(service, Map.copyOf(raw));
    }

    private static boolean isSpecialist(Path module) {
        try {
            return Files.readString(module.resolve("pom.xml")).contains("<artifactId>specialist-support</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pom of " + module, e);
        }
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static String expand(String value, Map<String, String> raw, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("configuration expression nests too deep: " + value);
        }
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String replacement = raw.containsKey(matcher.group(1)) ? expand(raw.get(matcher.group(1)), raw, depth + 1)
                    : Optional.ofNullable(matcher.group(2)).orElse(matcher.group());
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(properties.get(name)).map(value -> expand(value, properties, 0));
    }

    /** Every Kafka channel the service consumes, with the group and dead-letter topic SmallRye will use for it. */
    public List<IncomingChannel> incomingChannels() {
        List<IncomingChannel> channels = new ArrayList<>();
        for (String key : new TreeSet<>(properties.keySet())) {
            Matcher matcher = INCOMING.matcher(key);
            if (matcher.matches() && "smallrye-kafka".equals(get(key).orElse(null))) {
                String channel = matcher.group(1);
                String prefix = "mp.messaging.incoming." + channel + ".";
                String topic = get(prefix + "topic").orElse(channel);
                String group = channelSetting(prefix, "group.id").orElse(null);
                String deadLetter = "dead-letter-queue".equals(channelSetting(prefix, "failure-strategy").orElse(null))
                        ? get(prefix + "dead-letter-queue.topic").orElse("dead-letter-topic-" + topic) : null;
                channels.add(new IncomingChannel(channel, topic, group, deadLetter));
            }
        }
        return channels;
    }

    private Optional<String> channelSetting(String channelPrefix, String name) {
        return get(channelPrefix + name).or(() -> get(KAFKA_CONNECTOR + name));
    }

    public Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        incomingChannels().forEach(channel -> topics.add(channel.topic()));
        return topics;
    }

    public Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        incomingChannels().stream().map(IncomingChannel::deadLetterTopic).filter(t -> t != null).forEach(topics::add);
        return topics;
    }

    /** The consumer group of the service's channels ({@code learnflow.consumer-group}, as group.id resolves it). */
    public Optional<String> consumerGroup() {
        return incomingChannels().stream().map(IncomingChannel::consumerGroup).filter(g -> g != null).findFirst();
    }

    /** Every consumer group the service's channels use (a service may read one topic in a group of its own). */
    public Set<String> consumerGroups() {
        Set<String> groups = new TreeSet<>();
        incomingChannels().stream().map(IncomingChannel::consumerGroup).filter(g -> g != null).forEach(groups::add);
        return groups;
    }

    /** The consumer group the service reads the topic in. */
    public Optional<String> consumerGroupOf(String topic) {
        return incomingChannels().stream().filter(channel -> topic.equals(channel.topic()))
                .map(IncomingChannel::consumerGroup).filter(g -> g != null).findFirst();
    }

    public Optional<String> databaseUser() {
        return get("quarkus.datasource.username");
    }

    public Optional<String> databaseSchema() {
        return get("quarkus.liquibase.default-schema-name");
    }

    /** A copy with one property changed, for tests that break the agreement between configuration and manifests. */
    public ServiceConfiguration with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(properties);
        changed.put(name, value);
        return new ServiceConfiguration(service, changed);
    }
}
