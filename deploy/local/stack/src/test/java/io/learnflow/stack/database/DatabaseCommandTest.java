package io.learnflow.stack.database;

import static io.learnflow.stack.database.TestPostgres.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.learnflow.model.database.DatabaseUrl;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;

/**
 * The {@code ./learnflow db} commands against a real PostgreSQL. Roles belong to the server, not to a database, so the
 * tests run in order, and before the other classes that use {@link TestPostgres}: the first migrates a server that has
 * no LearnFlow role yet.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseCommandTest {

    private static final Path ROOT = Path.of("../../..").toAbsolutePath().normalize();
    private static final List<String> SCHEMAS = List.of("triage", "concepts", "debug", "exercise", "progress");
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    static Path home;
    static DatabaseUrl primary;
    static List<String> triageChangesets;

    @BeforeAll
    static void createDatabase() {
        primary = TestPostgres.createDatabase("lf_primary");
    }

    @Test
    @Order(1)
    void migrateCreatesEachRoleAndSchemaAndAppliesEveryChangelogOnce() throws Exception {
        assertThat(rows(primary, "SELECT rolname FROM pg_roles WHERE rolname IN ('triage','concepts','debug','exercise',"
                + "'progress')")).isEmpty();

        Result first = db(primary, "migrate");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("created role triage", "created schema progress owned by role progress",
                home.resolve("db-roles.properties").toString());
        Path passwords = home.resolve("db-roles.properties");
        assertThat(Files.getPosixFilePermissions(passwords)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Properties stored = new Properties();
        try (var reader = Files.newBufferedReader(passwords)) {
            stored.load(reader);
        }
        assertThat(stored.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(SCHEMAS);
        stored.stringPropertyNames().forEach(service -> assertThat(first.output()).doesNotContain(stored.getProperty(service)));

        for (String schema : SCHEMAS) {
            assertThat(rows(primary, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = '" + schema + "'"))
                    .containsExactly(schema);
            assertThat(rows(primary, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = '" + schema + "'"))
                    .containsExactly(schema);
            assertThat(rows(primary, "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'"))
                    .contains("databasechangelog").hasSizeGreaterThan(2)
                    .as("the changelog lock is an advisory lock, not a row of a lock table").doesNotContain("databasechangeloglock");
        }
        for (String schema : SCHEMAS) {
            assertThat(rows(primary, "SELECT DISTINCT filename FROM " + schema + ".databasechangelog"))
                    .as("the files of %s's changelog that have changesets applied", schema)
                    .containsAll(includedFiles(schema));
        }
        triageChangesets = rows(primary, "SELECT count(*) FROM triage.databasechangelog");
        assertThat(Integer.parseInt(triageChangesets.get(0))).isGreaterThanOrEqualTo(includedFiles("triage").size());
        List<String> applied = rows(primary, "SELECT id || ' ' || md5sum FROM exercise.databasechangelog ORDER BY 1");

        Result second = db(primary, "migrate");

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("created").contains("triage", "0 new");
        assertThat(rows(primary, "SELECT id || ' ' || md5sum FROM exercise.databasechangelog ORDER BY 1"))
                .isEqualTo(applied);
        assertThat(rows(primary, "SELECT count(*) FROM triage.databasechangelog")).isEqualTo(triageChangesets);
    }

    @Test
    @Order(2)
    void aServiceRoleCannotReadAnotherServicesSchema() throws Exception {
        DatabaseUrl triage = primary.as("triage", RolePasswords.load(home, Map.of()).of("triage"));
        try (Connection connection = DriverManager.getConnection(triage.jdbcUrl(), triage.username(), triage.password());
                Statement sql = connection.createStatement()) {
            sql.execute("SELECT count(*) FROM triage.student_profile");
            assertThatThrownBy(() -> sql.executeQuery("SELECT count(*) FROM progress.student_progress"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    @Order(2)
    void aMigrationCutOffWhileHoldingTheChangelogLockLeavesNoLockBehind() throws Exception {
        DatabaseUrl triage = primary.as("triage", RolePasswords.load(home, Map.of()).of("triage"));
        try (Connection dying = connect(triage); Connection other = connect(triage)) {
            assertThat(changelogLock(dying).acquireLock()).as("the lock a migrating service takes").isTrue();
            assertThat(changelogLock(other).acquireLock()).as("a second migration meanwhile").isFalse();

            long pid;
            try (Statement sql = dying.createStatement(); var row = sql.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                pid = row.getLong(1);
            }
            assertThat(rows(primary, "SELECT pg_terminate_backend(" + pid + ")")).containsExactly("t");

            LockService next = changelogLock(other);
            assertThat(next.acquireLock()).as("the lock once its holder's connection is gone").isTrue();
            next.releaseLock();
        }

        Result migrate = db(primary, "migrate");

        assertThat(migrate.exitCode()).as(migrate.output()).isZero();
        assertThat(migrate.output()).contains("triage", "0 new");
    }

    @Test
    @Order(3)
    void aRoleWhosePasswordChangedElsewhereKeepsItAndIsMigratedThroughTheAdministrator() throws Exception {
        execute(primary, "ALTER ROLE exercise PASSWORD 'set-by-a-running-launcher'");

        Result migrate = db(primary, "migrate");

        assertThat(migrate.exitCode()).as(migrate.output()).isZero();
        assertThat(migrate.output()).contains("role exercise has a password other than db-roles.properties's: acting "
                + "as it through the administrator's login (SET ROLE)").doesNotContain("set-by-a-running-launcher");
        DatabaseUrl exercise = primary.as("exercise", "set-by-a-running-launcher");
        assertThat(rows(exercise, "SELECT current_user")).containsExactly("exercise");
        execute(primary, "ALTER ROLE exercise PASSWORD '" + RolePasswords.load(home, Map.of()).of("exercise") + "'");
    }

    @Test
    @Order(4)
    void aWrongAdministratorPasswordFailsInOneLineWithoutShowingIt() {
        Result refused = db(primary.as("postgres", "not-the-password"), "stats");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).startsWith("db stats failed: ").contains("password authentication failed")
                .doesNotContain("not-the-password").hasLineCount(1);
    }

    @Test
    @Order(5)
    void backupAndRestoreCarryEveryRowIntoAFreshDatabase() throws Exception {
        fill(primary);
        Path file = home.resolve("copy.lf.gz");

        Result backup = db(primary, "backup", file.toString());

        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).containsPattern("triage +\\d+ tables, 4 rows\n").containsPattern("Backed up \\d+ rows");
        String rowsBackedUp = backup.output().replaceAll("(?s).*Backed up (\\d+) rows.*", "$1");
        DatabaseUrl restored = TestPostgres.createDatabase("lf_restored");

        Result restore = db(restored, "restore", file.toString());

        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restored " + rowsBackedUp + " rows").doesNotContain("DIFFERS");
        for (String table : List.of("triage.student_profile", "triage.session_context", "triage.student_query",
                "concepts.llm_cache", "concepts.learning_response", "exercise.exercise", "exercise.exercise_assignment",
                "progress.student_progress")) {
            assertThat(rows(restored, "SELECT count(*) FROM " + table)).isEqualTo(rows(primary,
                    "SELECT count(*) FROM " + table));
            assertThat(contents(restored, table)).as(table).isEqualTo(contents(primary, table));
        }
        assertThat(rows(restored, "SELECT content FROM concepts.learning_response"))
                .containsExactly("tab\there, line\nbreak, back\\slash, «unicode» ✓");
        assertThat(rows(restored, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'triage'"))
                .containsExactly("triage");

        Result again = db(restored, "restore", file.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("restore needs an empty database", "triage.student_profile",
                "./learnflow db reset");
    }

    @Test
    @Order(6)
    void aBackupWithoutAFileGoesToTheBackupsFolderWhichKeepsTheNewest30() throws Exception {
        Path backups = Files.createDirectories(home.resolve("backups"));
        for (int day = 1; day <= 31; day++) {
            Files.writeString(backups.resolve(String.format("learnflow-202611%02d-090000.lf.gz", day)), "old");
        }
        Files.writeString(backups.resolve("notes.txt"), "kept");

        Result backup = db(primary, "backup");

        assertThat(backup.exitCode()).as(backup.output()).isZero();
        Path taken = backups.resolve("learnflow-20261201-120000.lf.gz");
        assertThat(backup.output()).contains("Backed up", taken.toString(), "Deleted 2 older backup(s)");
        assertThat(Files.getPosixFilePermissions(taken)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(backups)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted().toList()).hasSize(31)
                    .contains("notes.txt", "learnflow-20261103-090000.lf.gz", "learnflow-20261201-120000.lf.gz")
                    .doesNotContain("learnflow-20261101-090000.lf.gz", "learnflow-20261102-090000.lf.gz");
        }
    }

    @Test
    @Order(7)
    void withoutDatabaseUrlItUsesTheRunningLearnFlowsDatabase() throws Exception {
        Path running = Files.createDirectories(home.resolve("running"));
        Files.writeString(running.resolve("ready"), "startup_ms=1\npostgres=" + primary.jdbcUrl()
                + "\npostgres_admin=postgres\npostgres_admin_password=postgres\n");

        Result stats = run(Map.of(), running, "stats");

        assertThat(stats.exitCode()).as(stats.output()).isZero();
        assertThat(stats.output()).startsWith("Database lf_primary on 127.0.0.1:" + primary.port());
        assertThat(running.resolve("db-roles.properties")).as("only migrate writes role passwords").doesNotExist();
    }

    @Test
    @Order(8)
    void statsCountRowsCacheHitsAndTheOldestUnfinishedQuery() {
        Result stats = db(primary, "stats");

        assertThat(stats.exitCode()).as(stats.output()).isZero();
        assertThat(stats.output()).containsPattern("Database lf_primary on 127\\.0\\.0\\.1:\\d+: .* \\(\\d+ bytes\\)")
                .containsPattern("triage +student_query +2\\n")
                .containsPattern("concepts +llm_cache +2\\n")
                .containsPattern("concepts +2 +7\\n")
                .contains("Unfinished queries: 1; the oldest 00000000-0000-0000-0000-0000000000a2 (PENDING) since "
                        + "2026-12-01T10:30:00Z, 1 h 30 min ago")
                .doesNotContain("databasechangelog");
    }

    @Test
    @Order(9)
    void resetRefusesADatabaseOnAnotherMachineUnlessForced() {
        DatabaseUrl remote = DatabaseUrl.parse("postgresql://admin:secret@db.example.org:5432/learnflow");

        Result refused = db(remote, "reset", "--yes");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).isEqualTo("db reset failed: refusing to reset the database on db.example.org: it is "
                + "not on this machine (127.0.0.1, ::1, localhost); add --force to reset it all the same\n");
    }

    @Test
    @Order(10)
    void resetAsksFirstThenLeavesMigratedSchemasWithTheShippedCurriculumOrEmptyOnes() throws Exception {
        Result unconfirmed = db(primary, "reset");

        assertThat(unconfirmed.exitCode()).isEqualTo(1);
        assertThat(unconfirmed.output()).contains("Type 'reset' to go on", "add --yes");
        assertThat(rows(primary, "SELECT count(*) FROM triage.student_profile")).containsExactly("1");

        Result reset = db(primary, "reset", "--yes");

        assertThat(reset.exitCode()).as(reset.output()).isZero();
        assertThat(rows(primary, "SELECT email FROM triage.student_profile WHERE password_hash IS NOT NULL")).isEmpty();
        assertThat(rows(primary, "SELECT count(*) FROM concepts.lesson")).containsExactly("80");
        assertThat(rows(primary, "SELECT count(*) FROM triage.databasechangelog")).isEqualTo(triageChangesets);
        assertThat(rows(primary, "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'progress'"))
                .containsExactly("progress");

        Result empty = db(primary, "reset", "--yes", "--empty");

        assertThat(empty.exitCode()).as(empty.output()).isZero();
        assertThat(rows(primary, "SELECT count(*) FROM triage.student_profile")).containsExactly("0");
        assertThat(rows(primary, "SELECT count(*) FROM concepts.lesson")).containsExactly("0");
    }

    @Test
    @Order(11)
    void withoutADatabaseItSaysHowToGetOne() {
        Result result = run(Map.of(), home.resolve("nothing-running"), "stats");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).isEqualTo(
                "db stats failed: no database: set DATABASE_URL or start LearnFlow with ./learnflow up\n");
    }

    private static void fill(DatabaseUrl database) throws SQLException {
        execute(database, """
                INSERT INTO triage.student_profile (id, email, password_hash, first_name, last_name, role, created_at)
                VALUES ('00000000-0000-0000-0000-000000000001', 'ada@example.org', 'hash', 'Ada', 'Lovelace', 'STUDENT',
                        '2026-11-30T08:00:00.123456Z');
                INSERT INTO triage.session_context (session_id, student_id, started_at, last_active_at)
                VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-000000000001',
                        '2026-12-01T10:00:00Z', '2026-12-01T10:30:00Z');
                """);
        execute(database, """
                INSERT INTO triage.student_query (id, student_id, session_id, query_text, query_type, confidence,
                        routing_reason, classifier, status, answer_content, created_at, updated_at)
                VALUES ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001',
                        '00000000-0000-0000-0000-0000000000b1', 'What is a list?', 'CONCEPT', 0.93, 'keywords',
                        'embedded', 'COMPLETED', 'A list is ...', '2026-12-01T10:00:00Z', '2026-12-01T10:00:05Z'),
                       ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000001',
                        '00000000-0000-0000-0000-0000000000b1', 'Why does this loop never end?', 'DEBUG', 0.5, 'code',
                        'embedded', 'PENDING', NULL, '2026-12-01T10:30:00Z', '2026-12-01T10:30:00Z');
                INSERT INTO concepts.llm_cache (id, prompt_hash, model, response_json, hit_count, created_at, expires_at)
                VALUES ('00000000-0000-0000-0000-0000000000c1', 'h1', 'model', '{"a":1}', 3, now(), now() + interval '1 day'),
                       ('00000000-0000-0000-0000-0000000000c2', 'h2', 'model', '{"b":2}', 4, now(), now() + interval '1 day');
                INSERT INTO concepts.learning_response (id, query_id, student_id, query_type, outcome, content, tutor,
                        attempt, processing_ms, response_event_id, created_at)
                VALUES ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000a1',
                        '00000000-0000-0000-0000-000000000001', 'CONCEPT', 'ANSWERED',
                        E'tab\\there, line\\nbreak, back\\\\slash, «unicode» ✓', 'retrieval', 1, 42,
                        '00000000-0000-0000-0000-0000000000d2', now());
                INSERT INTO exercise.exercise (id, topic, difficulty, title, problem_description, kind, solution_code,
                        test_cases)
                VALUES ('lists-1', 'LISTS', 'EASY', 'Sum a list', 'Write total(xs).', 'CODE', 'def total(xs): ...',
                        '[{"name": "check 1", "statement": "assert total([1, 2]) == 3", "hidden": false}]');
                INSERT INTO exercise.exercise_assignment (id, student_id, exercise_id, query_id, assigned_at)
                VALUES ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-000000000001', 'lists-1',
                        '00000000-0000-0000-0000-0000000000a1', now());
                INSERT INTO progress.student_progress (id, student_id, module, attempts_count, success_count,
                        completed_exercises, mastery_percentage, p_known, streak_days, last_practiced_on,
                        last_practiced_at)
                VALUES ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-000000000001', 'LISTS', 3, 2, 1,
                        55.5, 0.1 + 0.2, 2, '2026-12-01', '2026-12-01T10:00:00Z');
                """);
    }

    /** The files a service's changelog includes, by the class path names the services know them by. */
    private static List<String> includedFiles(String service) throws Exception {
        String changelog = Files.readString(ROOT.resolve(service + "-service/src/main/resources/db/changelog.xml"));
        return Pattern.compile("<include file=\"([^\"]+)\"").matcher(changelog).results()
                .map(match -> match.group(1)).toList();
    }

    /** The table's rows as text, sorted: equal exactly when the rows are. */
    private static List<String> contents(DatabaseUrl database, String table) throws SQLException {
        return rows(database, "SELECT t::text FROM " + table + " t ORDER BY t::text COLLATE \"C\"");
    }


    private static void execute(DatabaseUrl database, String statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement sql = connection.createStatement()) {
            sql.execute(statements);
        }
    }

    private static Connection connect(DatabaseUrl login) throws SQLException {
        return DriverManager.getConnection(login.jdbcUrl(), login.username(), login.password());
    }

    /** Triage's changelog lock as the services' Liquibase takes it: Liquibase's tables in the service's schema. */
    private static LockService changelogLock(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        database.setDefaultSchemaName("triage");
        database.setLiquibaseSchemaName("triage");
        return LockServiceFactory.getInstance().getLockService(database);
    }

    private static Result db(DatabaseUrl database, String... args) {
        return run(Map.of("DATABASE_URL", "postgresql://" + database.username() + ":" + database.password() + "@"
                + database.host() + ":" + database.port() + "/" + database.database()), home, args);
    }

    /** One run of the command with the given environment, no terminal, and this test's clock and home. */
    private static Result run(Map<String, String> environment, Path home, String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of("--root", ROOT.toString(), "--home", home.toString()));
        all.addAll(List.of(args));
        int exitCode = new DatabaseCommand(new LinkedHashMap<>(environment), out, () -> null,
                Clock.fixed(NOW, ZoneOffset.UTC)).run(all.toArray(String[]::new));
        return new Result(exitCode, output.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
