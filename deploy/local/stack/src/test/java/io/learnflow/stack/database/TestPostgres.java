package io.learnflow.stack.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.learnflow.model.database.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One real PostgreSQL server for this test JVM, with no LearnFlow role until a test creates them. */
final class TestPostgres {

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("fsync", "off").start();
                requirePasswords(server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** The embedded server trusts every local login; a real one checks passwords, and so must this one. */
    private static void requirePasswords(EmbeddedPostgres server) throws SQLException, IOException {
        try (Connection admin = server.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER ROLE postgres PASSWORD 'postgres'");
            String dataDirectory;
            try (var rows = sql.executeQuery("SHOW data_directory")) {
                rows.next();
                dataDirectory = rows.getString(1);
            }
            Files.writeString(Path.of(dataDirectory, "pg_hba.conf"), """
                    local all all trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    /** A new, empty database, and the superuser's URL to it. */
    static DatabaseUrl createDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(superuser("postgres").jdbcUrl(), "postgres", "postgres");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return superuser(name);
    }

    static DatabaseUrl superuser(String database) {
        return DatabaseUrl.parse("postgresql://postgres:postgres@127.0.0.1:" + server().getPort() + "/" + database);
    }

    /** The first column of every row the query gives, as text, read in UTC. */
    static List<String> rows(DatabaseUrl database, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement sql = connection.createStatement()) {
            sql.execute("SET TIME ZONE 'UTC'");
            List<String> rows = new ArrayList<>();
            try (ResultSet result = sql.executeQuery(query)) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
