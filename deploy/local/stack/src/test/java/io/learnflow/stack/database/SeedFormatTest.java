package io.learnflow.stack.database;

import static io.learnflow.stack.database.TestPostgres.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnflow.model.database.DatabaseUrl;

/**
 * {@code ./learnflow db seed}, {@code export} and {@code import} of the seed format against a real PostgreSQL, each
 * test on its own new database.
 */
@Order(2)
class SeedFormatTest {

    private static final Path ROOT = Path.of("../../..").toAbsolutePath().normalize();
    private static final Path SHIPPED = ROOT.resolve("curriculum");
    private static final Path EVERY_PART = Path.of("src/test/resources/seed/every-part").toAbsolutePath();

    @TempDir
    Path home;

    @Test
    void theShippedCurriculumSeedsAndExportsAsTheRepositorysFilesByteForByte() throws Exception {
        DatabaseUrl database = TestPostgres.createDatabase("lf_seed_shipped");

        Result seed = db(database, "seed");

        assertThat(seed.exitCode()).as(seed.output()).isZero();
        assertThat(seed.output()).contains("users.json: 1 users", "units/loops.json: unit unit-loops, 10 lessons, "
                + "10 exercise items", "Imported every file of " + SHIPPED);
        assertThat(rows(database, "SELECT count(*) FROM concepts.lesson")).containsExactly("80");
        assertThat(rows(database, "SELECT count(*) FROM exercise.exercise WHERE source = 'imported'"))
                .containsExactly("80");
        assertThat(rows(database, "SELECT password_hash IS NULL FROM triage.student_profile WHERE owner_key = "
                + "'learnflow'")).containsExactly("t");
        Path exported = home.resolve("exported");

        Result export = db(database, "export", exported.toString());

        assertThat(export.exitCode()).as(export.output()).isZero();
        assertThat(export.output()).contains("Exported 1 users and 8 units to " + exported);
        assertSameFiles(exported, SHIPPED);
        List<String> stamps = rows(database, "SELECT id || updated_at FROM concepts.lesson ORDER BY id");

        Result again = db(database, "seed", "curriculum");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContainPattern("\\([1-9]\\d* rows changed\\)").contains("(0 rows changed)");
        assertThat(rows(database, "SELECT id || updated_at FROM concepts.lesson ORDER BY id")).isEqualTo(stamps);
    }

    @Test
    void aUnitWithEveryOptionalPartRoundTripsIdentically() throws Exception {
        DatabaseUrl database = TestPostgres.createDatabase("lf_seed_every_part");

        Result imported = db(database, "import", EVERY_PART.toString());

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("users.json: 2 users", "units/loops.json: unit unit-seedtest-loops, "
                + "1 lessons, 2 exercise items");
        Path first = home.resolve("first");
        assertThat(db(database, "export", first.toString()).exitCode()).isZero();
        assertSameFiles(first, EVERY_PART);
        assertThat(rows(database, "SELECT topic || ' ' || kind || ' ' || difficulty || ' ' || estimated_completion_time"
                + " FROM exercise.exercise WHERE id = 'lf-seedtest-1'")).containsExactly("LOOPS CODE MEDIUM 7");
        assertThat(rows(database, "SELECT created_at FROM triage.student_profile WHERE owner_key = 'ms-rivera'"))
                .containsExactly("2026-09-01 08:00:00+00");

        DatabaseUrl second = TestPostgres.createDatabase("lf_seed_every_part_again");
        assertThat(db(second, "import", first.toString()).exitCode()).isZero();
        Path again = home.resolve("again");
        assertThat(db(second, "export", again.toString()).exitCode()).isZero();
        assertSameFiles(again, EVERY_PART);
    }

    @Test
    void missingIdsGetNewUuids() throws Exception {
        DatabaseUrl database = TestPostgres.createDatabase("lf_seed_missing_ids");
        Path folder = copyOf(EVERY_PART, "missing-ids");
        ObjectNode unit = unit(folder, "loops");
        unit.remove("id");
        ((ObjectNode) unit.withArray("lessons").get(0)).remove("id");
        write(folder, "loops", unit);

        Result imported = db(database, "import", folder.toString());

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        assertThat(rows(database, "SELECT id FROM concepts.curriculum_unit")).singleElement().asString().matches(uuid);
        assertThat(rows(database, "SELECT id FROM concepts.lesson")).singleElement().asString().matches(uuid);
        Path exported = home.resolve("exported");
        assertThat(db(database, "export", exported.toString()).exitCode()).isZero();
        ObjectNode back = unit(exported, "loops");
        assertThat(back.fieldNames().next()).isEqualTo("id");
        assertThat(back.get("id").asText()).matches(uuid);
        assertThat(back.withArray("lessons").get(0).get("id").asText()).matches(uuid);
    }

    @Test
    void eachValidationErrorNamesFileAndPathAndLeavesThatFileOutWhileTheOthersGoIn() throws Exception {
        DatabaseUrl database = TestPostgres.createDatabase("lf_seed_invalid");
        Path folder = copyOf(SHIPPED, "invalid");

        ObjectNode conditionals = unit(folder, "conditionals");
        ((ObjectNode) conditionals.at("/lessons/0/package/exercise_bank/code/0"))
                .put("aligned_learning_objective", "conditionals-objective-9");
        write(folder, "conditionals", conditionals);
        ObjectNode lists = unit(folder, "lists");
        ((ArrayNode) lists.at("/lessons/1/package/quiz")).set(0, "quiz-lists-99");
        write(folder, "lists", lists);
        ObjectNode strings = unit(folder, "strings");
        ((ObjectNode) strings.at("/lessons/0/package/quiz_metadata")).put("total_items", 5);
        write(folder, "strings", strings);
        ObjectNode functions = unit(folder, "functions");
        functions.put("owner_key", "nobody-we-know");
        write(folder, "functions", functions);
        ObjectNode classes = unit(folder, "classes");
        ((ObjectNode) classes.withArray("lessons").get(0)).putObject("flow_run").put("started_at", "yesterday at ten");
        write(folder, "classes", classes);

        Result imported = db(database, "import", folder.toString());

        assertThat(imported.exitCode()).as(imported.output()).isEqualTo(1);
        assertThat(imported.output()).contains(
                "Package validation failed: units/conditionals.json "
                        + "$.lessons[0].package.exercise_bank.code[0].aligned_learning_objective: "
                        + "'conditionals-objective-9' is not a learning objective of the unit",
                "Package validation failed: units/lists.json $.lessons[1].package.quiz[0]: 'quiz-lists-99' is not an "
                        + "mcq item of the lesson's exercise_bank",
                "Package validation failed: units/strings.json $.lessons[0].package.quiz_metadata.total_items: 5, but "
                        + "the quiz has 2 item(s)",
                "Unknown owner_key: units/functions.json $.owner_key: 'nobody-we-know' is no user's owner_key",
                "Datetime parsing error: units/classes.json $.lessons[0].flow_run.started_at: 'yesterday at ten' is "
                        + "not an ISO 8601 date and time",
                "units/loops.json: unit unit-loops, 10 lessons, 10 exercise items",
                "Some files of " + folder + " were not imported");
        assertThat(rows(database, "SELECT module FROM concepts.curriculum_unit ORDER BY module"))
                .containsExactly("dictionaries", "loops", "variables");
        assertThat(rows(database, "SELECT DISTINCT topic FROM exercise.exercise WHERE source = 'imported' ORDER BY 1"))
                .containsExactly("DICTIONARIES", "LOOPS", "VARIABLES");
        assertThat(rows(database, "SELECT count(*) FROM concepts.lesson")).containsExactly("30");
    }

    @Test
    void usersJsonHoldsPasswordHashesNeverPasswords() throws Exception {
        DatabaseUrl database = TestPostgres.createDatabase("lf_seed_plain_password");
        Path folder = copyOf(EVERY_PART, "plain-password");
        ObjectNode users = (ObjectNode) SeedJson.read(Files.readString(folder.resolve(SeedImport.USERS)));
        ((ObjectNode) users.withArray("users").get(1)).put("password", "correct horse battery");
        SeedJson.write(folder.resolve(SeedImport.USERS), users);

        Result imported = db(database, "import", folder.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.output()).contains("User validation failed: users.json $.users[1].password: users.json "
                + "holds password hashes (password_hash), never passwords", "Unknown owner_key: units/loops.json "
                + "$.owner_key: 'ms-rivera'").doesNotContain("correct horse battery");
        assertThat(rows(database, "SELECT count(*) FROM triage.student_profile")).containsExactly("0");
        assertThat(rows(database, "SELECT count(*) FROM concepts.curriculum_unit")).containsExactly("0");
    }

    @Test
    void seedRefusesAKindItDoesNotKnow() {
        Result refused = run(Map.of(), "seed", "everything");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.output()).isEqualTo(DatabaseCommand.SEED_USAGE + "\n");
    }

    private static void assertSameFiles(Path actual, Path expected) throws IOException {
        assertThat(seedFiles(actual)).isEqualTo(seedFiles(expected));
        for (String file : seedFiles(expected)) {
            assertThat(Files.readString(actual.resolve(file))).as(file).isEqualTo(Files.readString(expected.resolve(file)));
        }
    }

    private static List<String> seedFiles(Path folder) throws IOException {
        List<String> files = new ArrayList<>(List.of(SeedImport.USERS));
        try (Stream<Path> units = Files.list(folder.resolve(SeedImport.UNITS))) {
            units.map(unit -> SeedImport.UNITS + "/" + unit.getFileName()).sorted().forEach(files::add);
        }
        return files;
    }

    private Path copyOf(Path folder, String name) throws IOException {
        Path copy = Files.createDirectories(home.resolve(name).resolve(SeedImport.UNITS)).getParent();
        for (String file : seedFiles(folder)) {
            Files.copy(folder.resolve(file), copy.resolve(file));
        }
        return copy;
    }

    private static ObjectNode unit(Path folder, String module) throws IOException {
        return (ObjectNode) SeedJson.read(Files.readString(folder.resolve(SeedImport.UNITS).resolve(module + ".json")));
    }

    private static void write(Path folder, String module, ObjectNode unit) {
        SeedJson.write(folder.resolve(SeedImport.UNITS).resolve(module + ".json"), unit);
    }


    private Result db(DatabaseUrl database, String... args) {
        return run(Map.of("DATABASE_URL", "postgresql://" + database.username() + ":" + database.password() + "@"
                + database.host() + ":" + database.port() + "/" + database.database()), args);
    }

    private Result run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of("--root", ROOT.toString(), "--home", home.toString()));
        all.addAll(List.of(args));
        int exitCode = new DatabaseCommand(environment, out, () -> null,
                Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC)).run(all.toArray(String[]::new));
        return new Result(exitCode, output.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
