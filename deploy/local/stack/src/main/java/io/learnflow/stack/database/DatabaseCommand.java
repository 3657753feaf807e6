package io.learnflow.stack.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import io.learnflow.model.database.DatabaseUrl;
import io.learnflow.stack.DatabaseBootstrap;
import io.learnflow.stack.launcher.LearnFlowClient;
import io.learnflow.stack.launcher.SampleWeek;

/**
 * The Java side of {@code ./learnflow db}: migrate, stats, backup, restore, reset, and seed, export and import of the
 * seed format ({@code curriculum/README.md}), on the database that
 * {@code DATABASE_URL} names (an administrator's login) or else on the running LearnFlow's embedded PostgreSQL.
 *
 * <pre>
 * db --root DIR --home DIR [--verbose] migrate
 * db --root DIR --home DIR [--verbose] stats
 * db --root DIR --home DIR [--verbose] backup [FILE]
 * db --root DIR --home DIR [--verbose] restore FILE
 * db --root DIR --home DIR [--verbose] reset [--yes] [--force] [--empty]
 * db --root DIR --home DIR [--verbose] seed [curriculum]
 * db --root DIR --home DIR [--verbose] export DIR
 * db --root DIR --home DIR [--verbose] import DIR
 * </pre>
 */
public final class DatabaseCommand {

    static final String USAGE = "usage: ./learnflow db migrate | stats | backup [FILE] | restore FILE | reset [--yes] "
            + "[--force] [--empty] | seed [curriculum|sample] | export DIR | import DIR   (add --verbose for the stack trace of a "
            + "failure)";
    static final String SEED_USAGE = "usage: ./learnflow db seed [curriculum|sample]   (curriculum: the shipped "
            + "curriculum/ folder, the default; sample: the curriculum, then a teacher, two students, a class and a week "
            + "of their work, played through the running LearnFlow)";
    static final String SHIPPED_CURRICULUM = "curriculum";
    private static final String EMBEDDED_SUPERUSER = "postgres";

    private final Map<String, String> environment;
    private final PrintStream out;
    private final Supplier<String> confirmation;
    private final Clock clock;

    /**
     * @param confirmation reads the operator's answer to reset's question, or gives null where there is no terminal
     */
    public DatabaseCommand(Map<String, String> environment, PrintStream out, Supplier<String> confirmation,
            Clock clock) {
        this.environment = environment;
        this.out = out;
        this.confirmation = confirmation;
        this.clock = clock;
    }

    public static void main(String[] args) {
        BufferedReader terminal = System.console() == null ? null
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Supplier<String> confirmation = () -> {
            if (terminal == null) {
                return null;
            }
            try {
                return terminal.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        System.exit(new DatabaseCommand(System.getenv(), System.out, confirmation, Clock.systemUTC()).run(args));
    }

    /** @return the exit code: 0 done, 1 failed (said in one line), 2 a usage mistake */
    public int run(String[] args) {
        List<String> words = new ArrayList<>(List.of(args));
        boolean verbose = words.remove("--verbose");
        try {
            Path root = Path.of(option(words, "--root").orElse(".")).toAbsolutePath();
            Path home = Path.of(option(words, "--home").orElse(".learnflow")).toAbsolutePath();
            if (words.isEmpty()) {
                return usage();
            }
            String command = words.remove(0);
            switch (command) {
                case "migrate" -> {
                    expectNoMore(words);
                    new SchemaMigration(database(root, home)).migrate();
                    out.println("Migrated.");
                }
                case "stats" -> {
                    expectNoMore(words);
                    new DatabaseStats(database(root, home)).print(out, clock.instant());
                }
                case "backup" -> backup(words, root, home);
                case "restore" -> {
                    if (words.size() != 1) {
                        return usage();
                    }
                    Path file = Path.of(words.get(0)).toAbsolutePath();
                    BackupArchive.Manifest manifest = new DatabaseBackup(database(root, home)).restore(file);
                    out.printf("Restored %d rows from %s; every table's rows and checksum match the backup.%n",
                            manifest.rows(), file);
                }
                case "reset" -> {
                    boolean yes = words.remove("--yes");
                    boolean force = words.remove("--force");
                    boolean empty = words.remove("--empty");
                    expectNoMore(words);
                    return reset(database(root, home), yes, force, empty);
                }
                case "seed" -> {
                    return seed(words, root, home);
                }
                case "export" -> {
                    if (words.size() != 1) {
                        return usage();
                    }
                    Path folder = Path.of(words.get(0)).toAbsolutePath();
                    SeedExport.Exported exported = new SeedExport(database(root, home)).export(folder);
                    out.printf("Exported %d users and %d units to %s%n", exported.users(), exported.units(), folder);
                }
                case "import" -> {
                    if (words.size() != 1) {
                        return usage();
                    }
                    return importFolder(database(root, home), Path.of(words.get(0)).toAbsolutePath());
                }
                default -> {
                    return usage();
                }
            }
            return 0;
        } catch (UsageMistake e) {
            return usage();
        } catch (DatabaseCommandFailed e) {
            out.println("db " + String.join(" ", commandWords(args)) + " failed: " + oneLine(e.getMessage()));
            if (verbose) {
                e.printStackTrace(out);
            }
            return 1;
        } catch (RuntimeException e) {
            out.println("db " + String.join(" ", commandWords(args)) + " failed: "
                    + oneLine(SchemaMigration.rootMessage(e)));
            if (verbose) {
                e.printStackTrace(out);
            }
            return 1;
        }
    }

    private int seed(List<String> words, Path root, Path home) {
        if (words.size() > 1) {
            out.println(SEED_USAGE);
            return 2;
        }
        String kind = words.isEmpty() ? "curriculum" : words.get(0);
        return switch (kind) {
            case "curriculum" -> importFolder(database(root, home), root.resolve(SHIPPED_CURRICULUM));
            case "sample" -> sample(root, home);
            default -> {
                out.println(SEED_USAGE);
                yield 2;
            }
        };
    }

    /** The shipped curriculum, then {@link SampleWeek} through the running LearnFlow that {@code HOME/ready} names. */
    private int sample(Path root, Path home) {
        Path ready = home.resolve("ready");
        if (!Files.isRegularFile(ready)) {
            throw new DatabaseCommandFailed("db seed sample plays a week of work through the running LearnFlow: start "
                    + "it with ./learnflow up");
        }
        Properties running = readyValues(ready);
        LearnFlowDatabase database = database(root, home);
        int curriculum = importFolder(database, root.resolve(SHIPPED_CURRICULUM));
        if (curriculum != 0) {
            return curriculum;
        }
        try {
            new SampleWeek(new LearnFlowClient(running.getProperty("triage_url"), running.getProperty("progress_url")),
                    running.getProperty("kafka"), () -> database.connectAs("triage"), database::connectAdmin, clock,
                    out).seed();
        } catch (SQLException e) {
            throw new DatabaseCommandFailed("the sample could not be written: " + e.getMessage(), e);
        }
        return 0;
    }

    /** Migrates first, as restore does, so that import finds every table; 1 when a file did not go in. */
    private int importFolder(LearnFlowDatabase database, Path folder) {
        new SchemaMigration(database).migrate();
        if (new SeedImport(database, out).importFolder(folder)) {
            out.println("Imported every file of " + folder);
            return 0;
        }
        out.println("Some files of " + folder + " were not imported (above); the others were");
        return 1;
    }

    private void backup(List<String> words, Path root, Path home) {
        if (words.size() > 1) {
            throw new UsageMistake();
        }
        LearnFlowDatabase database = database(root, home);
        DatabaseBackup backups = new DatabaseBackup(database);
        Path file = words.isEmpty() ? backups.defaultFile(clock.instant()) : Path.of(words.get(0)).toAbsolutePath();
        out.println("Backing up " + database.admin().redacted() + " to " + file);
        BackupArchive.Manifest manifest = backups.backup(file, clock.instant());
        out.printf("Backed up %d rows to %s%n", manifest.rows(), file);
        if (words.isEmpty()) {
            int pruned = backups.pruneDefaultFolder();
            if (pruned > 0) {
                out.printf("Deleted %d older backup(s): the newest %d are kept%n", pruned, DatabaseBackup.KEPT_BACKUPS);
            }
        }
    }

    /**
     * Drops the five schemas, migrates them and seeds the shipped curriculum, unless {@code empty} (for a restore,
     * which wants empty tables); 1 when a seed file did not go in.
     */
    private int reset(LearnFlowDatabase database, boolean yes, boolean force, boolean empty) {
        DatabaseUrl target = database.admin();
        if (!target.isLocal() && !force) {
            throw new DatabaseCommandFailed("refusing to reset the database on " + target.host() + ": it is not on this "
                    + "machine (127.0.0.1, ::1, localhost); add --force to reset it all the same");
        }
        if (!yes) {
            out.printf("This drops the schemas %s of %s and every row in them. Type 'reset' to go on: ",
                    String.join(", ", DatabaseBootstrap.SERVICES), target.redacted());
            out.flush();
            String answer = confirmation.get();
            if (answer == null) {
                out.println();
                throw new DatabaseCommandFailed("no terminal to confirm on: add --yes to reset without asking");
            }
            if (!answer.strip().equals("reset")) {
                throw new DatabaseCommandFailed("not confirmed: nothing was dropped");
            }
        }
        try (Connection admin = database.connectAdmin(); Statement sql = admin.createStatement()) {
            for (String schema : DatabaseBootstrap.SERVICES) {
                sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                out.println("  dropped schema " + schema);
            }
        } catch (SQLException e) {
            throw new DatabaseCommandFailed("cannot drop the schemas: " + e.getMessage(), e);
        }
        if (empty) {
            new SchemaMigration(database).migrate();
            out.println("Reset: the schemas are empty and migrated, ready for db restore; the services load their bank "
                    + "and curriculum when they start.");
            return 0;
        }
        int seeded = importFolder(database, database.root().resolve(SHIPPED_CURRICULUM));
        out.println("Reset: the schemas are migrated and hold the shipped curriculum only" + (seeded == 0 ? ""
                : " (some files of it were not imported: see above)") + "; the services load the MBPP bank when they "
                + "start.");
        return seeded;
    }

    /** DATABASE_URL, else the running LearnFlow's embedded PostgreSQL as its superuser. */
    LearnFlowDatabase database(Path root, Path home) {
        return new LearnFlowDatabase(adminUrl(home), RolePasswords.load(home, environment), root, home, out);
    }

    private DatabaseUrl adminUrl(Path home) {
        String given = environment.get("DATABASE_URL");
        if (given != null && !given.isBlank()) {
            try {
                return DatabaseUrl.parse(given);
            } catch (IllegalArgumentException e) {
                throw new DatabaseCommandFailed("DATABASE_URL is not a usable database URL: " + e.getMessage());
            }
        }
        Path ready = home.resolve("ready");
        if (!Files.isRegularFile(ready)) {
            throw new DatabaseCommandFailed("no database: set DATABASE_URL or start LearnFlow with ./learnflow up");
        }
        Properties values = readyValues(ready);
        String postgres = values.getProperty("postgres");
        if (postgres == null) {
            throw new DatabaseCommandFailed(ready + " names no database: restart LearnFlow with ./learnflow up");
        }
        return DatabaseUrl.parse(postgres).as(values.getProperty("postgres_admin", EMBEDDED_SUPERUSER),
                values.getProperty("postgres_admin_password", EMBEDDED_SUPERUSER));
    }

    private static Properties readyValues(Path ready) {
        Properties values = new Properties();
        try (var reader = Files.newBufferedReader(ready)) {
            values.load(reader);
        } catch (IOException e) {
            throw new DatabaseCommandFailed("cannot read " + ready + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static Optional<String> option(List<String> words, String name) {
        int at = words.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= words.size()) {
            throw new UsageMistake();
        }
        String value = words.get(at + 1);
        words.subList(at, at + 2).clear();
        return Optional.of(value);
    }

    private static void expectNoMore(List<String> words) {
        if (!words.isEmpty()) {
            throw new UsageMistake();
        }
    }

    private static List<String> commandWords(String[] args) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root") || args[i].equals("--home")) {
                i++;
            } else if (!args[i].startsWith("--")) {
                words.add(args[i]);
            }
        }
        return words.isEmpty() ? words : words.subList(0, 1);
    }

    /** PostgreSQL's messages go on over several lines (Position, Where, Detail). */
    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", "; ");
    }

    private int usage() {
        out.println(USAGE);
        return 2;
    }

    private static final class UsageMistake extends RuntimeException {
    }
}
