package io.learnflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.learnflow.model.Topics;

class LocalStackTest {

    static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(Map.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
        assertThat(stack.workDirectory()).doesNotExist();
    }

    @Test
    void createsEveryTopicWithSixPartitionsAndItsDeadLetterTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.endpoints().kafkaBootstrap()))) {
            var described = admin.describeTopics(Topics.CONSUMED.stream()
                    .flatMap(t -> java.util.stream.Stream.of(t, Topics.deadLetterOf(t))).toList())
                    .allTopicNames().get();
            assertThat(described).hasSize(Topics.CONSUMED.size() * 2);
            described.values().forEach(topic -> assertThat(topic.partitions()).hasSize(6));
        }
    }

    @Test
    void brokerDeliversRecords() {
        KafkaProbe kafka = new KafkaProbe(stack.endpoints());
        String marker = UUID.randomUUID().toString();
        kafka.send(Topics.FEEDBACK, "student", marker);
        assertThat(kafka.find(Topics.FEEDBACK, r -> r.value().equals(marker), Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void eachSchemaIsWritableOnlyByItsOwnServiceRole() {
        DatabaseProbe db = new DatabaseProbe(stack.endpoints());
        assertThat(db.rows("SELECT schema_name, schema_owner FROM information_schema.schemata"
                + " WHERE schema_name IN ('triage','concepts','debug','exercise','progress')")).hasSize(5)
                .allSatisfy(row -> assertThat(row.get("schema_owner")).isEqualTo(row.get("schema_name")));
        db.executeAs("debug", "CREATE TABLE debug.own_table (id int)");
        assertThatThrownBy(() -> db.executeAs("concepts", "CREATE TABLE debug.foreign_table (id int)"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.executeAs("concepts", "INSERT INTO debug.own_table VALUES (1)"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void serviceConfigPointsAtTheStack() {
        Map<String, String> config = stack.endpoints().serviceConfig("triage");
        assertThat(config).containsEntry("kafka.bootstrap.servers", stack.endpoints().kafkaBootstrap())
                .containsEntry("quarkus.datasource.username", "triage")
                .containsKey("smallrye.jwt.sign.key.location");
        assertThat(stack.endpoints().serviceConfig("progress")).doesNotContainKey("smallrye.jwt.sign.key.location");
    }

    @Test
    void givenKafkaAndDatabaseAreUsedAndLeftRunning() {
        StackEndpoints own = stack.endpoints();
        Map<String, String> environment = Map.of("LEARNFLOW_KAFKA_BOOTSTRAP", own.kafkaBootstrap(),
                "LEARNFLOW_DB_URL", own.jdbcUrl(), "LEARNFLOW_DB_USER", own.admin().username(),
                "LEARNFLOW_DB_PASSWORD", own.admin().password());
        try (LocalStack given = LocalStack.start(environment)) {
            assertThat(given.endpoints().kafkaBootstrap()).isEqualTo(own.kafkaBootstrap());
            assertThat(given.endpoints().serviceConfig("progress"))
                    .containsEntry("quarkus.datasource.username", own.admin().username())
                    .containsEntry("quarkus.datasource.jdbc.url", own.jdbcUrl());
        }
        KafkaProbe kafka = new KafkaProbe(own);
        String marker = UUID.randomUUID().toString();
        kafka.send(Topics.INTERACTION, "student", marker);
        assertThat(kafka.find(Topics.INTERACTION, r -> r.value().equals(marker), Duration.ofSeconds(20))).hasSize(1);
        assertThat(new DatabaseProbe(own).count("SELECT count(*) FROM information_schema.schemata"
                + " WHERE schema_name = 'progress'")).isEqualTo(1);
    }

    @Test
    void databaseUrlIsPreferredAndItsSslModeReachesTheServices() {
        StackEndpoints own = stack.endpoints();
        Map<String, String> environment = Map.of("LEARNFLOW_KAFKA_BOOTSTRAP", own.kafkaBootstrap(),
                "DATABASE_URL", "postgresql://" + own.admin().username() + ":" + own.admin().password() + "@127.0.0.1:"
                        + own.dbPort() + "/" + own.dbName() + "?sslmode=disable",
                "LEARNFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:1/ignored");
        try (LocalStack given = LocalStack.start(environment)) {
            assertThat(given.endpoints().jdbcUrl()).isEqualTo(own.jdbcUrl() + "?sslmode=disable")
                    .doesNotContain("@").doesNotContain("password");
            assertThat(given.endpoints().serviceConfig("exercise"))
                    .containsEntry("quarkus.datasource.jdbc.url", own.jdbcUrl() + "?sslmode=disable")
                    .containsEntry("quarkus.datasource.reactive.url", own.reactiveUrl())
                    .containsEntry("quarkus.datasource.reactive.postgresql.ssl-mode", "disable")
                    .containsEntry("quarkus.datasource.username", own.admin().username());
            assertThat(new DatabaseProbe(given.endpoints()).count("SELECT count(*) FROM information_schema.schemata"
                    + " WHERE schema_name = 'exercise'")).isEqualTo(1);
        }
        assertThat(stack.endpoints().serviceConfig("exercise"))
                .doesNotContainKey("quarkus.datasource.reactive.postgresql.ssl-mode");
    }

    @Test
    void aBadDatabaseUrlFailsWithoutShowingThePassword() {
        assertThatThrownBy(() -> LocalStack.start(Map.of("LEARNFLOW_KAFKA_BOOTSTRAP", stack.endpoints().kafkaBootstrap(),
                "DATABASE_URL", "postgresql://admin:hunter2@db/learnflow?sslmode=always")))
                .hasMessageContaining("DATABASE_URL is not a usable database URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void containerModeWithoutDockerFailsSayingWhatToDo() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                org.testcontainers.DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is available");
        assertThatThrownBy(() -> LocalStack.start(Map.of("LEARNFLOW_STACK", "testcontainers")))
                .hasMessageContaining("needs a Docker engine")
                .hasMessageContaining("unset LEARNFLOW_STACK");
    }
}
