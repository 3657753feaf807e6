package io.learnflow.stack;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the LearnFlow database with one schema per service, each owned by (and writable only by) its
 * service's own role. Liquibase then creates the tables inside that schema.
 */
final class DatabaseBootstrap {

    static final List<String> SERVICES = List.of("triage", "concepts", "debug", "exercise", "progress");

    private DatabaseBootstrap() {
    }

    /** On a server where we are superuser: a fresh database, fresh roles with random passwords. */
    static Map<String, DatabaseLogin> createOwnedSchemas(String host, int port, DatabaseLogin superuser, String database)
            throws SQLException {
        try (Connection admin = connect(host, port, "postgres", superuser); Statement sql = admin.createStatement()) {
            if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                sql.execute("CREATE DATABASE " + database);
            }
        }
        Map<String, DatabaseLogin> logins = new LinkedHashMap<>();
        try (Connection admin = connect(host, port, database, superuser); Statement sql = admin.createStatement()) {
            sql.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            for (String service : SERVICES) {
                DatabaseLogin login = new DatabaseLogin(service, service, randomPassword());
                if (exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + service + "'")) {
                    sql.execute("ALTER ROLE " + service + " LOGIN PASSWORD '" + login.password() + "'");
                } else {
                    sql.execute("CREATE ROLE " + service + " LOGIN PASSWORD '" + login.password() + "'");
                }
                sql.execute("CREATE SCHEMA IF NOT EXISTS " + service + " AUTHORIZATION " + service);
                sql.execute("ALTER ROLE " + service + " SET search_path = " + service);
                logins.put(service, login);
            }
        }
        return logins;
    }

    /** On a server we were given: every service uses the given login, in its own schema. */
    static Map<String, DatabaseLogin> createSharedLoginSchemas(String host, int port, DatabaseLogin login, String database)
            throws SQLException {
        Map<String, DatabaseLogin> logins = new LinkedHashMap<>();
        try (Connection connection = connect(host, port, database, login); Statement sql = connection.createStatement()) {
            for (String service : SERVICES) {
                sql.execute("CREATE SCHEMA IF NOT EXISTS " + service);
                logins.put(service, new DatabaseLogin(service, login.username(), login.password()));
            }
        }
        return logins;
    }

    static Connection connect(String host, int port, String database, DatabaseLogin login) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                login.username(), login.password());
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
