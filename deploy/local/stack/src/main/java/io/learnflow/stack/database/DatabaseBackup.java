package io.learnflow.stack.database;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.learnflow.stack.DatabaseBootstrap;
import io.learnflow.stack.database.BackupArchive.Manifest;
import io.learnflow.stack.database.BackupArchive.SchemaContents;
import io.learnflow.stack.database.BackupArchive.TableContents;

/**
 * {@code ./learnflow db backup} and {@code db restore}: a logical dump of the five schemas written with COPY, since
 * no pg_dump of the server's version is at hand.
 *
 * <p>A backup reads every schema in one REPEATABLE READ, READ ONLY transaction, so that it is one consistent snapshot;
 * its manifest records each table's columns, row count and checksum in that snapshot. A restore goes into an empty
 * database only: it migrates first, loads each schema in one transaction as the schema's own role, tables in
 * foreign-key order, sets the sequences, and then checks every table's rows and checksum against the manifest.
 */
public final class DatabaseBackup {

    static final int KEPT_BACKUPS = 30;
    /** Tables a changeset fills with defaults (progress-002's BKT parameters): a restore replaces those rows. */
    static final Set<String> SEEDED_BY_CHANGELOG = Set.of("progress.bkt_parameters");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final LearnFlowDatabase database;

    public DatabaseBackup(LearnFlowDatabase database) {
        this.database = database;
    }

    /** Where a backup goes when no file is named: {@code .learnflow/backups/learnflow-YYYYMMDD-HHMMSS.lf.gz}. */
    public Path defaultFile(Instant now) {
        return backups().resolve("learnflow-" + FILE_TIME.format(now) + ".lf.gz");
    }

    private Path backups() {
        return database.home().resolve("backups");
    }

    public Manifest backup(Path file, Instant now) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection admin = database.connectAdmin()) {
            admin.setAutoCommit(false);
            admin.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            admin.setReadOnly(true);
            Map<String, List<LearnFlowTables.Table>> tables = new java.util.LinkedHashMap<>();
            List<SchemaContents> schemas = new ArrayList<>();
            for (String schema : DatabaseBootstrap.SERVICES) {
                tables.put(schema, LearnFlowTables.of(admin, schema));
                schemas.add(contents(admin, schema, tables.get(schema)));
            }
            Manifest manifest = new Manifest(BackupArchive.FORMAT, learnflowVersion(), now.toString(),
                    database.admin().database(), schemas);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(partial);
            // it holds every student's rows, password hashes included
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            CopyManager copy = admin.unwrap(PGConnection.class).getCopyAPI();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(partial), 64 * 1024)))) {
                BackupArchive.writeHeader(out, manifest);
                for (SchemaContents schema : schemas) {
                    long rows = 0;
                    for (LearnFlowTables.Table table : tables.get(schema.name())) {
                        try (OutputStream entry = BackupArchive.entry(out, schema.name() + "." + table.name())) {
                            rows += copy.copyOut("COPY (SELECT " + table.columnList() + " FROM " + table.qualified()
                                    + ") TO STDOUT", entry);
                        }
                    }
                    database.progress().printf("  %-9s %d tables, %d rows%n", schema.name(), schema.tables().size(),
                            rows);
                }
            }
            admin.commit();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (SQLException | IOException e) {
            deleteQuietly(partial);
            throw new DatabaseCommandFailed("the backup failed: " + SchemaMigration.rootMessage(e), e);
        }
    }

    private static SchemaContents contents(Connection admin, String schema, List<LearnFlowTables.Table> tables)
            throws SQLException {
        List<TableContents> contents = new ArrayList<>();
        for (LearnFlowTables.Table table : tables) {
            contents.add(new TableContents(table.name(), table.columns(), count(admin, table), checksum(admin, table)));
        }
        return new SchemaContents(schema, SchemaMigration.appliedChangesets(admin, schema), contents, LearnFlowTables.sequences(admin, schema));
    }

    /** Deletes all but the newest {@value #KEPT_BACKUPS} backups of the default folder; returns how many it deleted. */
    public int pruneDefaultFolder() {
        Path folder = backups();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            List<Path> backups = files.filter(path -> path.getFileName().toString().matches("learnflow-.*\\.lf\\.gz"))
                    .sorted(Comparator.comparing((Path path) -> path.getFileName().toString()).reversed()).toList();
            for (Path old : backups.subList(Math.min(KEPT_BACKUPS, backups.size()), backups.size())) {
                Files.delete(old);
            }
            return Math.max(0, backups.size() - KEPT_BACKUPS);
        } catch (IOException e) {
            throw new DatabaseCommandFailed("cannot prune " + folder + ": " + e.getMessage(), e);
        }
    }

    public Manifest restore(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseCommandFailed("no backup at " + file);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file), 64 * 1024)))) {
            Manifest manifest = BackupArchive.readHeader(in);
            database.progress().printf("Restoring %s (taken %s, LearnFlow %s, %d rows) into %s%n", file,
                    manifest.createdAt(), manifest.learnflowVersion(), manifest.rows(), database.admin().redacted());
            new SchemaMigration(database).migrate();
            refuseUnlessEmpty();
            for (SchemaContents schema : manifest.schemas()) {
                load(schema, in);
            }
            verify(manifest);
            return manifest;
        } catch (java.util.zip.ZipException e) {
            throw new DatabaseCommandFailed(file + " is not a LearnFlow backup (not gzip)", e);
        } catch (IOException | SQLException e) {
            throw new DatabaseCommandFailed("the restore failed: " + SchemaMigration.rootMessage(e), e);
        }
    }

    private void refuseUnlessEmpty() throws SQLException {
        List<String> filled = new ArrayList<>();
        try (Connection admin = database.connectAdmin()) {
            for (String schema : DatabaseBootstrap.SERVICES) {
                for (LearnFlowTables.Table table : LearnFlowTables.of(admin, schema)) {
                    if (SEEDED_BY_CHANGELOG.contains(schema + "." + table.name())) {
                        continue;
                    }
                    try (Statement sql = admin.createStatement();
                            ResultSet any = sql.executeQuery("SELECT 1 FROM " + table.qualified() + " LIMIT 1")) {
                        if (any.next()) {
                            filled.add(schema + "." + table.name());
                        }
                    }
                }
            }
        }
        if (!filled.isEmpty()) {
            throw new DatabaseCommandFailed("restore needs an empty database, and " + String.join(", ", filled)
                    + " already " + (filled.size() == 1 ? "has" : "have") + " rows: empty it first with "
                    + "./learnflow db reset (and restore before starting LearnFlow, whose services load their banks)");
        }
    }

    private void load(SchemaContents schema, DataInputStream in) throws IOException, SQLException {
        try (Connection role = database.connectAs(schema.name())) {
            role.setAutoCommit(false);
            List<String> present = new ArrayList<>();
            LearnFlowTables.of(role, schema.name()).forEach(table -> present.add(table.name()));
            CopyManager copy = role.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (TableContents table : schema.tables()) {
                if (!present.contains(table.name())) {
                    throw new DatabaseCommandFailed("the backup has table " + schema.name() + "." + table.name()
                            + ", which this LearnFlow's schema does not");
                }
                LearnFlowTables.Table target = new LearnFlowTables.Table(schema.name(), table.name(), table.columns());
                if (SEEDED_BY_CHANGELOG.contains(table.entryName(schema.name()))) {
                    try (Statement sql = role.createStatement()) {
                        sql.execute("DELETE FROM " + target.qualified());
                    }
                }
                try (InputStream entry = BackupArchive.entry(in, table.entryName(schema.name()))) {
                    rows += copy.copyIn("COPY " + target.qualified() + " (" + target.columnList() + ") FROM STDIN",
                            entry);
                }
            }
            for (Map.Entry<String, Long> sequence : schema.sequences().entrySet()) {
                try (PreparedStatement setval = role.prepareStatement("SELECT setval(?, ?)")) {
                    setval.setString(1, LearnFlowTables.quoted(schema.name()) + "."
                            + LearnFlowTables.quoted(sequence.getKey()));
                    setval.setLong(2, sequence.getValue());
                    setval.execute();
                }
            }
            role.commit();
            database.progress().printf("  %-9s %d tables, %d rows loaded as role %s%n", schema.name(),
                    schema.tables().size(), rows, schema.name());
        }
    }

    private void verify(Manifest manifest) throws SQLException {
        List<String> differences = new ArrayList<>();
        database.progress().printf("  %-42s %10s %10s  %s%n", "table", "backup", "restored", "checksum");
        try (Connection admin = database.connectAdmin()) {
            for (SchemaContents schema : manifest.schemas()) {
                for (TableContents table : schema.tables()) {
                    LearnFlowTables.Table restored = new LearnFlowTables.Table(schema.name(), table.name(),
                            table.columns());
                    long rows = count(admin, restored);
                    boolean same = checksum(admin, restored).equals(table.checksum());
                    database.progress().printf("  %-42s %10d %10d  %s%n", table.entryName(schema.name()), table.rows(),
                            rows, same ? "same" : "DIFFERS");
                    if (rows != table.rows() || !same) {
                        differences.add(table.entryName(schema.name()));
                    }
                }
            }
        }
        if (!differences.isEmpty()) {
            throw new DatabaseCommandFailed("the restored rows differ from the backup's in " + String.join(", ",
                    differences));
        }
    }

    static long count(Connection connection, LearnFlowTables.Table table) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + table.qualified())) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String checksum(Connection connection, LearnFlowTables.Table table) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(table.checksumQuery())) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String learnflowVersion() {
        try (InputStream pom = DatabaseBackup.class.getResourceAsStream(
                "/META-INF/maven/io.learnflow/learnflow-stack/pom.properties")) {
            if (pom == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(pom);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the failure being reported matters more than a leftover partial file
        }
    }
}
