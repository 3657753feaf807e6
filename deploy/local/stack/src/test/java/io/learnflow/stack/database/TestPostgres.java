package io.learnflow.stack.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
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
}
