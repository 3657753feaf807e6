package io.learnflow.stack;

import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and PostgreSQL from the production images in containers, for machines with a Docker engine
 * ({@code LEARNFLOW_STACK=testcontainers}). {@code LEARNFLOW_KAFKA_IMAGE} and {@code LEARNFLOW_POSTGRES_IMAGE}
 * choose other images.
 */
final class ContainerServers implements AutoCloseable {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "ghcr.io/cloudnative-pg/postgresql:17.6";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private ContainerServers(KafkaContainer kafka, PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static ContainerServers start(Map<String, String> environment) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("LEARNFLOW_STACK=testcontainers needs a Docker engine, and none answers "
                    + "here; unset LEARNFLOW_STACK to use the embedded Kafka and PostgreSQL");
        }
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(
                environment.getOrDefault("LEARNFLOW_KAFKA_IMAGE", KAFKA_IMAGE)).asCompatibleSubstituteFor("apache/kafka"));
        PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse(
                environment.getOrDefault("LEARNFLOW_POSTGRES_IMAGE", POSTGRES_IMAGE)).asCompatibleSubstituteFor("postgres"));
        kafka.start();
        try {
            postgres.start();
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
        return new ContainerServers(kafka, postgres);
    }

    String kafkaBootstrap() {
        return kafka.getBootstrapServers();
    }

    String postgresHost() {
        return postgres.getHost();
    }

    int postgresPort() {
        return postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    DatabaseLogin superuser() {
        return new DatabaseLogin("public", postgres.getUsername(), postgres.getPassword());
    }

    @Override
    public void close() {
        postgres.stop();
        kafka.stop();
    }
}
