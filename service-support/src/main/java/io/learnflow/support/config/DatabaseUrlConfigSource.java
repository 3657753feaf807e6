package io.learnflow.support.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.learnflow.model.database.DatabaseUrl;

/**
 * The datasource settings from one {@code DATABASE_URL} environment variable, as hosting platforms and
 * CloudNativePG's {@code uri} secret give it; {@code LEARNFLOW_DATABASE_URL} overrides it for one service.
 *
 * <p>Its ordinal sits above application.properties (250), so the URL replaces the shipped user name, and below
 * system properties (400), so the launcher's explicit settings still win. A URL that cannot be read fails start-up
 * with a message that names the variable and never the password.
 */
public final class DatabaseUrlConfigSource implements ConfigSource {

    static final int ORDINAL = 275;
    static final String SERVICE_VARIABLE = "LEARNFLOW_DATABASE_URL";
    static final String SHARED_VARIABLE = "DATABASE_URL";

    private final String variable;
    private final Map<String, String> properties;

    public DatabaseUrlConfigSource() {
        this(System.getenv());
    }

    DatabaseUrlConfigSource(Map<String, String> environment) {
        this.variable = given(environment, SERVICE_VARIABLE) ? SERVICE_VARIABLE
                : given(environment, SHARED_VARIABLE) ? SHARED_VARIABLE : null;
        this.properties = variable == null ? Map.of() : datasource(variable, environment.get(variable));
    }

    private static boolean given(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    private static Map<String, String> datasource(String variable, String text) {
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is not a usable database URL: " + e.getMessage());
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.jdbc.url", url.jdbcUrl());
        properties.put("quarkus.datasource.reactive.url", url.reactiveUrl());
        if (url.username() != null) {
            properties.put("quarkus.datasource.username", url.username());
        }
        if (url.password() != null) {
            properties.put("quarkus.datasource.password", url.password());
        }
        // the JDBC URL carries sslmode itself; the reactive client takes Vert.x's SslMode, spelled the same way
        url.sslMode().ifPresent(mode -> properties.put("quarkus.datasource.reactive.postgresql.ssl-mode", mode));
        return Collections.unmodifiableMap(properties);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "DatabaseUrlConfigSource[" + (variable == null ? "unset" : variable) + "]";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
