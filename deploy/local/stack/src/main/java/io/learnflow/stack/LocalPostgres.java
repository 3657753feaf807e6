package io.learnflow.stack;

import java.io.IOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from embedded binaries, on 127.0.0.1 and a free port. It can be restarted on the same port
 * and data, as an operator restarting the database would; its data directory is removed by LocalStack.
 */
final class LocalPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private EmbeddedPostgres postgres;

    private LocalPostgres(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDirectory) throws IOException {
        LocalStack.deleteRecursively(dataDirectory);
        return new LocalPostgres(dataDirectory, server(dataDirectory, 0));
    }

    private static EmbeddedPostgres server(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    int port() {
        return postgres.getPort();
    }

    /** A fast shutdown (open sessions are ended, committed data kept) and a start on the same port and data. */
    synchronized void restart() throws IOException {
        int port = postgres.getPort();
        postgres.close();
        postgres = server(dataDirectory, port);
    }

    @Override
    public synchronized void close() throws IOException {
        postgres.close();
    }
}
