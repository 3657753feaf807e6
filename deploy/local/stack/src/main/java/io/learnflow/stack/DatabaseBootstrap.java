package io.learnflow.stack;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.learnflow.model.database.DatabaseUrl;

/**
 * Creates the LearnFlow database with one schema per service, each owned by (and writable only by) its
 * service's own role. Liquibase then creates the tables inside that schema.
 */
public final class DatabaseBootstrap {

    public static final List<String> SERVICES = List.of("triage", "concepts", "debug", "exercise", "progress");

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

    /**
     * What {@code ./learnflow db migrate} does first, as an administrator that may create roles: each missing role with
     * the given password, each missing schema owned by its role. A role that exists keeps its password: the services
     * running on it log in with that one.
     *
     * @return what it changed, one line each
     */
    public static List<String> createMissingRolesAndSchemas(Connection admin, Map<String, String> passwords)
            throws SQLException {
        List<String> changes = new ArrayList<>();
        try (Statement sql = admin.createStatement()) {
            for (String service : SERVICES) {
                if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + service + "'")) {
                    sql.execute("CREATE ROLE " + service + " LOGIN PASSWORD " + literal(passwords.get(service)));
                    sql.execute("ALTER ROLE " + service + " SET search_path = " + service);
                    changes.add("created role " + service);
                }
                String owner = schemaOwner(sql, service);
                if (owner == null) {
                    sql.execute("CREATE SCHEMA " + service + " AUTHORIZATION " + service);
                    changes.add("created schema " + service + " owned by role " + service);
                } else if (!owner.equals(service)) {
                    sql.execute("ALTER SCHEMA " + service + " OWNER TO " + service);
                    changes.add("schema " + service + " was owned by " + owner + ": now by role " + service);
                }
            }
        }
        return changes;
    }

    private static String schemaOwner(Statement sql, String schema) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = '"
                + schema + "'")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** On a server we were given: every service uses the given login, in its own schema. */
    static Map<String, DatabaseLogin> createSharedLoginSchemas(DatabaseUrl database) throws SQLException {
        Map<String, DatabaseLogin> logins = new LinkedHashMap<>();
        try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
            for (String service : SERVICES) {
                sql.execute("CREATE SCHEMA IF NOT EXISTS " + service);
                logins.put(service, new DatabaseLogin(service, database.username(), database.password()));
            }
        }
        return logins;
    }

    static Connection connect(String host, int port, String database, DatabaseLogin login) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                login.username(), login.password());
    }

    public static Connection connect(DatabaseUrl database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    public static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
