package io.learnflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.learnflow.model.database.DatabaseUrl;

/**
 * LocalStack: the Kafka broker and the PostgreSQL database LearnFlow runs on, on one machine and without Docker.
 *
 * <p>By default it starts both itself on 127.0.0.1 and free ports. {@code LEARNFLOW_KAFKA_BOOTSTRAP} points it at an
 * existing broker instead, and {@code DATABASE_URL} ({@code postgresql://user:password@host:port/db?sslmode=...},
 * or the older {@code LEARNFLOW_DB_URL} JDBC URL with {@code LEARNFLOW_DB_USER} and {@code LEARNFLOW_DB_PASSWORD})
 * at an existing database, whose login every service then shares. Either way it creates the topics and the five
 * schemas.
 * Where a Docker engine exists, {@code LEARNFLOW_STACK=testcontainers} starts both from the production images
 * instead. Closing it stops what it started and removes its temporary data.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);
    private static final String DATABASE = "learnflow";
    private static LocalStack shared;

    private final Path workDirectory;
    private final LocalKafka kafka;
    private final LocalPostgres postgres;
    private final ContainerServers containers;
    private final StackEndpoints endpoints;

    private LocalStack(Path workDirectory, LocalKafka kafka, LocalPostgres postgres, ContainerServers containers,
            StackEndpoints endpoints) {
        this.workDirectory = workDirectory;
        this.kafka = kafka;
        this.postgres = postgres;
        this.containers = containers;
        this.endpoints = endpoints;
    }

    /** The one stack of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            shared = start(System.getenv());
            LocalStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "learnflow-stack-shutdown"));
        }
        return shared;
    }

    public static LocalStack start(Map<String, String> environment) {
        long started = System.nanoTime();
        Path work = null;
        LocalKafka kafka = null;
        LocalPostgres postgres = null;
        ContainerServers containers = null;
        try {
            work = Files.createTempDirectory("learnflow-stack-");
            Path keys = Files.createDirectories(work.resolve("keys"));
            Path privateKey = keys.resolve("token-signing-key.pem");
            Path publicKey = keys.resolve("token-verification-key.pem");
            TokenKeys.generate(privateKey, publicKey);

            if ("testcontainers".equalsIgnoreCase(environment.get("LEARNFLOW_STACK"))) {
                containers = ContainerServers.start(environment);
            }
            String bootstrap = containers != null ? containers.kafkaBootstrap()
                    : environment.get("LEARNFLOW_KAFKA_BOOTSTRAP");
            if (bootstrap == null || bootstrap.isBlank()) {
                kafka = LocalKafka.start(Files.createDirectories(work.resolve("kafka")));
                bootstrap = kafka.bootstrapServers();
            }
            LocalKafka.createTopics(bootstrap);

            DatabaseUrl given = givenDatabase(environment);
            String host;
            int port;
            String database;
            DatabaseLogin admin;
            Map<String, DatabaseLogin> logins;
            Optional<String> sslMode = Optional.empty();
            if (containers != null) {
                host = containers.postgresHost();
                port = containers.postgresPort();
                database = DATABASE;
                admin = containers.superuser();
                logins = DatabaseBootstrap.createOwnedSchemas(host, port, admin, database);
            } else if (given == null) {
                postgres = LocalPostgres.start(work.resolve("postgres"));
                host = "127.0.0.1";
                port = postgres.port();
                database = DATABASE;
                admin = new DatabaseLogin("public", "postgres", "postgres");
                logins = DatabaseBootstrap.createOwnedSchemas(host, port, admin, database);
            } else {
                host = given.host();
                port = given.port();
                database = given.database();
                sslMode = given.sslMode();
                admin = new DatabaseLogin("public", given.username(), given.password());
                logins = DatabaseBootstrap.createSharedLoginSchemas(given);
            }
            StackEndpoints endpoints = new StackEndpoints(bootstrap, host, port, database, admin, logins, publicKey,
                    privateKey, sslMode);
            LOG.infof("LocalStack ready in %d ms: Kafka %s, PostgreSQL %s", (System.nanoTime() - started) / 1_000_000,
                    bootstrap, endpoints.jdbcUrl());
            return new LocalStack(work, kafka, postgres, containers, endpoints);
        } catch (Exception e) {
            closeQuietly(kafka);
            closeQuietly(postgres);
            closeQuietly(containers);
            deleteRecursively(work);
            throw new IllegalStateException("LocalStack could not start: " + e.getMessage(), e);
        }
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    public Path workDirectory() {
        return workDirectory;
    }

    /** Restarts the broker this stack started (same port, same logs); refused when the broker is not its own. */
    public void restartKafka() throws Exception {
        if (kafka == null) {
            throw new IllegalStateException("this LocalStack uses a broker it did not start; restart that one yourself");
        }
        LOG.info("restarting the Kafka broker");
        kafka.restartBroker();
    }

    /** Restarts the PostgreSQL server this stack started (same port, same data); refused when it is not its own. */
    public void restartPostgres() throws Exception {
        if (postgres == null) {
            throw new IllegalStateException("this LocalStack uses a database it did not start; restart that one yourself");
        }
        LOG.info("restarting PostgreSQL");
        postgres.restart();
    }

    @Override
    public void close() {
        closeQuietly(kafka);
        closeQuietly(postgres);
        closeQuietly(containers);
        deleteRecursively(workDirectory);
    }

    /** DATABASE_URL, else LEARNFLOW_DB_URL with LEARNFLOW_DB_USER and LEARNFLOW_DB_PASSWORD, else null. */
    private static DatabaseUrl givenDatabase(Map<String, String> environment) {
        String databaseUrl = environment.get("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            try {
                return DatabaseUrl.parse(databaseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DATABASE_URL is not a usable database URL: " + e.getMessage());
            }
        }
        String jdbcUrl = environment.get("LEARNFLOW_DB_URL");
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return null;
        }
        return DatabaseUrl.parse(jdbcUrl).as(required(environment, "LEARNFLOW_DB_USER"),
                required(environment, "LEARNFLOW_DB_PASSWORD"));
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set together with LEARNFLOW_DB_URL");
        }
        return value;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warnf("while stopping %s: %s", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }

    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
