package io.learnflow.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.learnflow.model.database.DatabaseUrl;

/**
 * Where the running stack can be reached, and the configuration each service needs to use it.
 *
 * @param jwtPublicKey  PEM file every service verifies tokens with
 * @param jwtPrivateKey PEM file triage signs tokens with
 * @param dbSslMode     the libpq sslmode the database is reached with, or empty for the driver's default
 */
public record StackEndpoints(
        String kafkaBootstrap,
        String dbHost,
        int dbPort,
        String dbName,
        DatabaseLogin admin,
        Map<String, DatabaseLogin> serviceLogins,
        Path jwtPublicKey,
        Path jwtPrivateKey,
        Optional<String> dbSslMode) {

    /** The database's JDBC URL, with its sslmode: never credentials, so it may be logged. */
    public String jdbcUrl() {
        return database().jdbcUrl();
    }

    public String reactiveUrl() {
        return database().reactiveUrl();
    }

    /** The stack's database as the given login. */
    public DatabaseUrl databaseAs(DatabaseLogin login) {
        return database().as(login.username(), login.password());
    }

    private DatabaseUrl database() {
        String host = dbHost.indexOf(':') >= 0 ? "[" + dbHost + "]" : dbHost;
        return DatabaseUrl.parse("postgresql://" + host + ":" + dbPort + "/" + dbName
                + dbSslMode.map(mode -> "?sslmode=" + mode).orElse(""));
    }

    public DatabaseLogin loginOf(String service) {
        DatabaseLogin login = serviceLogins.get(service);
        if (login == null) {
            throw new IllegalArgumentException("no database login for service '" + service + "'; known: "
                    + serviceLogins.keySet());
        }
        return login;
    }

    /** The Quarkus configuration that points one service at this stack. */
    public Map<String, String> serviceConfig(String service) {
        DatabaseLogin login = loginOf(service);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        if (login.username() != null) {
            config.put("quarkus.datasource.username", login.username());
        }
        if (login.password() != null) {
            config.put("quarkus.datasource.password", login.password());
        }
        config.put("quarkus.datasource.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.reactive.url", reactiveUrl());
        dbSslMode.ifPresent(mode -> config.put("quarkus.datasource.reactive.postgresql.ssl-mode", mode));
        config.put("mp.jwt.verify.publickey.location", jwtPublicKey.toUri().toString());
        if ("triage".equals(service)) {
            config.put("smallrye.jwt.sign.key.location", jwtPrivateKey.toUri().toString());
        }
        return config;
    }
}
