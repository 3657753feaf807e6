package io.learnflow.stack.database;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnflow.model.LearningModule;

/**
 * {@code ./learnflow db import DIR} and {@code db seed}: {@code users.json} into triage's {@code student_profile}, each
 * {@code units/<module>.json} into concepts' {@code curriculum_unit} and {@code lesson} and its lessons' exercise banks
 * into exercise's {@code exercise}, each part as its service's own role. Every file is validated whole before anything
 * of it is written, and then written in one transaction per service role, both committed only once both have gone in;
 * a file that fails leaves nothing behind and the others go on. Writing what is already there changes no row.
 */
final class SeedImport {

    static final String USERS = "users.json";
    static final String UNITS = "units";
    private static final Set<String> DIFFICULTIES = Set.of("easy", "medium", "hard");
    private static final Set<String> ROLES = Set.of("student", "teacher");
    private static final Set<String> USER_FIELDS = Set.of("id", "owner_key", "email", "first_name", "last_name", "role",
            "password_hash", "time_zone", "created_at");

    /** A user of users.json as triage keeps them; {@code extra} holds the fields LearnFlow does not read, in order. */
    private record User(UUID id, String ownerKey, String email, String firstName, String lastName, String role,
            String passwordHash, String timeZone, Instant createdAt, ObjectNode extra) {
    }

    /** A lesson as concepts keeps it: its JSON with the exercise bank's items as their ids. */
    private record Lesson(String id, ObjectNode json) {
    }

    /** An item of a lesson's exercise bank, as exercise keeps it. */
    private record BankItem(String kind, ObjectNode json) {
    }

    private record Unit(String id, LearningModule module, String ownerKey, ObjectNode json, List<Lesson> lessons,
            List<BankItem> items) {
    }

    private final LearnFlowDatabase database;
    private final PrintStream out;

    SeedImport(LearnFlowDatabase database, PrintStream out) {
        this.database = database;
        this.out = out;
    }

    /** @return whether every file of the folder went in */
    boolean importFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DatabaseCommandFailed("no seed folder at " + folder);
        }
        out.println("Importing " + folder + " into " + database.admin().redacted());
        boolean allIn = true;
        Path users = folder.resolve(USERS);
        if (Files.isRegularFile(users)) {
            allIn &= importUsers(users);
        }
        Set<String> owners = ownerKeys();
        for (Path file : unitFiles(folder)) {
            allIn &= importUnit(file, UNITS + "/" + file.getFileName(), owners);
        }
        return allIn;
    }

    private boolean importUsers(Path file) {
        List<SeedProblem> problems = new ArrayList<>();
        JsonNode root = read(file, USERS, problems);
        List<User> users = root == null ? List.of() : users(root, problems);
        if (!problems.isEmpty()) {
            return refused(USERS, problems);
        }
        try (Connection triage = database.connectAs("triage")) {
            triage.setAutoCommit(false);
            int changed = 0;
            try (PreparedStatement upsert = triage.prepareStatement("""
                    INSERT INTO triage.student_profile (id, owner_key, email, first_name, last_name, role, password_hash,
                        time_zone, created_at, seed_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)
                    ON CONFLICT (id) DO UPDATE SET owner_key = EXCLUDED.owner_key, email = EXCLUDED.email,
                        first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, role = EXCLUDED.role,
                        password_hash = EXCLUDED.password_hash, time_zone = EXCLUDED.time_zone,
                        created_at = EXCLUDED.created_at, seed_json = EXCLUDED.seed_json
                    WHERE (student_profile.owner_key, student_profile.email, student_profile.first_name,
                        student_profile.last_name, student_profile.role, student_profile.password_hash,
                        student_profile.time_zone, student_profile.created_at, student_profile.seed_json::text)
                      IS DISTINCT FROM (EXCLUDED.owner_key, EXCLUDED.email, EXCLUDED.first_name, EXCLUDED.last_name,
                        EXCLUDED.role, EXCLUDED.password_hash, EXCLUDED.time_zone, EXCLUDED.created_at,
                        EXCLUDED.seed_json::text)""")) {
                for (User user : users) {
                    upsert.setObject(1, user.id());
                    upsert.setString(2, user.ownerKey());
                    upsert.setString(3, user.email());
                    upsert.setString(4, user.firstName());
                    upsert.setString(5, user.lastName());
                    upsert.setString(6, user.role());
                    upsert.setString(7, user.passwordHash());
                    upsert.setString(8, user.timeZone());
                    upsert.setTimestamp(9, Timestamp.from(user.createdAt()));
                    upsert.setString(10, user.extra().isEmpty() ? null : SeedJson.compact(user.extra()));
                    changed += upsert.executeUpdate();
                }
            }
            triage.commit();
            out.printf("  %s: %d users (%d rows changed)%n", USERS, users.size(), changed);
            return true;
        } catch (SQLException e) {
            out.printf("  %s: not imported: %s%n", USERS, e.getMessage().replaceAll("\\s*\\R\\s*", "; "));
            return false;
        }
    }

    private List<User> users(JsonNode root, List<SeedProblem> problems) {
        JsonNode list = root.path("users");
        if (!list.isArray()) {
            problems.add(new SeedProblem(SeedProblem.USER, USERS, "$.users", "a list of users is needed"));
            return List.of();
        }
        datetimes(root, "$", USERS, problems);
        List<User> users = new ArrayList<>();
        Set<String> ownerKeys = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "$.users[" + i + "]";
            JsonNode user = list.get(i);
            if (!user.isObject()) {
                problems.add(new SeedProblem(SeedProblem.USER, USERS, path, "a user is an object"));
                continue;
            }
            if (user.has("password")) {
                problems.add(new SeedProblem(SeedProblem.USER, USERS, path + ".password",
                        "users.json holds password hashes (password_hash), never passwords"));
            }
            UUID id = null;
            if (user.hasNonNull("id")) {
                try {
                    id = UUID.fromString(user.get("id").asText());
                } catch (IllegalArgumentException e) {
                    problems.add(new SeedProblem(SeedProblem.USER, USERS, path + ".id", "not a UUID"));
                }
            } else {
                id = UUID.randomUUID();
            }
            String ownerKey = text(user, "owner_key");
            if (ownerKey != null && !ownerKeys.add(ownerKey)) {
                problems.add(new SeedProblem(SeedProblem.USER, USERS, path + ".owner_key", ownerKey + " is used twice"));
            }
            String role = text(user, "role");
            if (role == null || !ROLES.contains(role)) {
                problems.add(new SeedProblem(SeedProblem.USER, USERS, path + ".role", "student or teacher"));
            }
            for (String required : List.of("email", "first_name", "last_name")) {
                if (text(user, required) == null) {
                    problems.add(new SeedProblem(SeedProblem.USER, USERS, path + "." + required, "missing"));
                }
            }
            Instant createdAt = user.hasNonNull("created_at") ? datetime(user.get("created_at")) : Instant.now();
            ObjectNode extra = SeedJson.JSON.createObjectNode();
            user.fields().forEachRemaining(field -> {
                if (!USER_FIELDS.contains(field.getKey())) {
                    extra.set(field.getKey(), field.getValue());
                }
            });
            users.add(new User(id, ownerKey, text(user, "email"), text(user, "first_name"), text(user, "last_name"),
                    role == null ? null : role.toUpperCase(Locale.ROOT), text(user, "password_hash"),
                    user.hasNonNull("time_zone") ? user.get("time_zone").asText() : "UTC", createdAt, extra));
        }
        return users;
    }

    private boolean importUnit(Path file, String name, Set<String> owners) {
        List<SeedProblem> problems = new ArrayList<>();
        JsonNode root = read(file, name, problems);
        Unit unit = root == null ? null : unit(root, name, owners, problems);
        if (!problems.isEmpty()) {
            return refused(name, problems);
        }
        try (Connection exercise = database.connectAs("exercise"); Connection concepts = database.connectAs("concepts")) {
            exercise.setAutoCommit(false);
            concepts.setAutoCommit(false);
            int changed;
            try {
                changed = writeItems(exercise, unit) + writeUnit(concepts, unit);
            } catch (SQLException e) {
                exercise.rollback();
                concepts.rollback();
                throw e;
            }
            exercise.commit();
            concepts.commit();
            out.printf("  %s: unit %s, %d lessons, %d exercise items (%d rows changed)%n", name, unit.id(),
                    unit.lessons().size(), unit.items().size(), changed);
            return true;
        } catch (SQLException e) {
            out.printf("  %s: not imported: %s%n", name, e.getMessage().replaceAll("\\s*\\R\\s*", "; "));
            return false;
        }
    }

    private Unit unit(JsonNode root, String file, Set<String> owners, List<SeedProblem> problems) {
        if (!root.isObject()) {
            problems.add(new SeedProblem(SeedProblem.UNIT, file, "$", "a unit is an object"));
            return null;
        }
        datetimes(root, "$", file, problems);
        ObjectNode unit = withId(root);
        String expected = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
        LearningModule module = null;
        try {
            module = LearningModule.fromJson(text(unit, "module"));
        } catch (RuntimeException e) {
            problems.add(new SeedProblem(SeedProblem.UNIT, file, "$.module", "one of variables, conditionals, loops, "
                    + "functions, lists, dictionaries, strings, classes"));
        }
        if (module != null && !module.json().equals(expected)) {
            problems.add(new SeedProblem(SeedProblem.UNIT, file, "$.module", "the unit of " + module.json()
                    + " belongs in units/" + module.json() + ".json"));
        }
        String ownerKey = text(unit, "owner_key");
        if (unit.hasNonNull("owner_key") && !owners.contains(ownerKey)) {
            problems.add(new SeedProblem(SeedProblem.OWNER, file, "$.owner_key", "'" + ownerKey
                    + "' is no user's owner_key, in users.json or in the database"));
        }
        Set<String> objectives = new LinkedHashSet<>();
        if (unit.get("learning_objectives") instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isObject()) {
                    ObjectNode objective = withId(list.get(i));
                    list.set(i, objective);
                    objectives.add(objective.get("id").asText());
                }
            }
        }
        if (!(unit.get("lessons") instanceof ArrayNode lessonList)) {
            problems.add(new SeedProblem(SeedProblem.UNIT, file, "$.lessons", "a list of lessons is needed"));
            return null;
        }
        List<Lesson> lessons = new ArrayList<>();
        List<BankItem> items = new ArrayList<>();
        ArrayNode lessonIds = SeedJson.JSON.createArrayNode();
        for (int i = 0; i < lessonList.size(); i++) {
            String path = "$.lessons[" + i + "]";
            if (!lessonList.get(i).isObject()) {
                problems.add(new SeedProblem(SeedProblem.UNIT, file, path, "a lesson is an object"));
                continue;
            }
            ObjectNode lesson = withId(lessonList.get(i));
            for (String required : List.of("title", "explanation", "example")) {
                if (text(lesson, required) == null) {
                    problems.add(new SeedProblem(SeedProblem.UNIT, file, path + "." + required, "missing"));
                }
            }
            if (module != null && !module.json().equals(text(lesson, "module"))) {
                problems.add(new SeedProblem(SeedProblem.UNIT, file, path + ".module", "the unit's module, "
                        + module.json()));
            }
            if (lesson.get("package") instanceof ObjectNode lessonPackage) {
                items.addAll(bank(lessonPackage, path + ".package", file, objectives, problems));
            }
            lessons.add(new Lesson(lesson.get("id").asText(), lesson));
            lessonIds.add(lesson.get("id").asText());
        }
        unit.set("lessons", lessonIds);
        Set<String> itemIds = new HashSet<>();
        for (BankItem item : items) {
            if (!itemIds.add(item.json().get("id").asText())) {
                problems.add(new SeedProblem(SeedProblem.PACKAGE, file, "$.lessons", "two exercise items are called "
                        + item.json().get("id").asText()));
            }
        }
        return new Unit(unit.get("id").asText(), module, ownerKey, unit, lessons, items);
    }

    /** Checks the package, and leaves in it the ids of its exercise bank's items in place of the items. */
    private List<BankItem> bank(ObjectNode lessonPackage, String path, String file, Set<String> objectives,
            List<SeedProblem> problems) {
        if (lessonPackage.get("unit_learning_objective_ids") instanceof ArrayNode ids) {
            for (int i = 0; i < ids.size(); i++) {
                if (!objectives.contains(ids.get(i).asText())) {
                    problems.add(new SeedProblem(SeedProblem.PACKAGE, file, path + ".unit_learning_objective_ids[" + i
                            + "]", "'" + ids.get(i).asText() + "' is not a learning objective of the unit"));
                }
            }
        }
        List<BankItem> items = new ArrayList<>();
        Set<String> mcqIds = new HashSet<>();
        JsonNode exerciseBank = lessonPackage.path("exercise_bank");
        for (String kind : List.of("mcq", "code")) {
            if (!(exerciseBank.get(kind) instanceof ArrayNode list)) {
                continue;
            }
            ArrayNode itemIds = SeedJson.JSON.createArrayNode();
            for (int i = 0; i < list.size(); i++) {
                String at = path + ".exercise_bank." + kind + "[" + i + "]";
                if (!(list.get(i) instanceof ObjectNode item) || text(item, "id") == null) {
                    problems.add(new SeedProblem(SeedProblem.PACKAGE, file, at, "an item is an object with an id"));
                    continue;
                }
                checkItem(item, kind, at, file, objectives, problems);
                if (kind.equals("mcq")) {
                    mcqIds.add(text(item, "id"));
                }
                items.add(new BankItem(kind, item));
                itemIds.add(text(item, "id"));
            }
            ((ObjectNode) exerciseBank).set(kind, itemIds);
        }
        JsonNode quiz = lessonPackage.path("quiz");
        for (int i = 0; i < quiz.size(); i++) {
            if (!mcqIds.contains(quiz.get(i).asText())) {
                problems.add(new SeedProblem(SeedProblem.PACKAGE, file, path + ".quiz[" + i + "]", "'"
                        + quiz.get(i).asText() + "' is not an mcq item of the lesson's exercise_bank"));
            }
        }
        JsonNode total = lessonPackage.path("quiz_metadata").path("total_items");
        if (!total.isMissingNode() && total.asInt(-1) != quiz.size()) {
            problems.add(new SeedProblem(SeedProblem.PACKAGE, file, path + ".quiz_metadata.total_items", total
                    + ", but the quiz has " + quiz.size() + " item(s)"));
        }
        return items;
    }

    private static void checkItem(ObjectNode item, String kind, String at, String file, Set<String> objectives,
            List<SeedProblem> problems) {
        String objective = text(item, "aligned_learning_objective");
        if (objective != null && !objectives.contains(objective)) {
            problems.add(new SeedProblem(SeedProblem.PACKAGE, file, at + ".aligned_learning_objective", "'" + objective
                    + "' is not a learning objective of the unit"));
        }
        if (text(item, "title") == null) {
            problems.add(new SeedProblem(SeedProblem.PACKAGE, file, at + ".title", "missing"));
        }
        if (!DIFFICULTIES.contains(String.valueOf(text(item, "difficulty")))) {
            problems.add(new SeedProblem(SeedProblem.PACKAGE, file, at + ".difficulty", "easy, medium or hard"));
        }
        List<String> required = kind.equals("code") ? List.of("description", "solutionCode", "tests")
                : List.of("stem", "options", "answerKey", "rationaleRight");
        for (String field : required) {
            if (!item.hasNonNull(field)) {
                problems.add(new SeedProblem(SeedProblem.PACKAGE, file, at + "." + field, "missing"));
            }
        }
    }

    private int writeItems(Connection exercise, Unit unit) throws SQLException {
        int changed = 0;
        try (PreparedStatement upsert = exercise.prepareStatement("""
                INSERT INTO exercise.exercise (id, kind, source_task_id, title, topic, difficulty, complexity,
                    function_name, problem_description, starter_code, solution_code, test_setup_code, test_cases, hints,
                    estimated_completion_time, tags, options, answer_key, rationale_right, cognitive_level, seed_json,
                    source, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported', now(), now())
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, source_task_id = EXCLUDED.source_task_id,
                    title = EXCLUDED.title, topic = EXCLUDED.topic, difficulty = EXCLUDED.difficulty,
                    complexity = EXCLUDED.complexity, function_name = EXCLUDED.function_name,
                    problem_description = EXCLUDED.problem_description, starter_code = EXCLUDED.starter_code,
                    solution_code = EXCLUDED.solution_code, test_setup_code = EXCLUDED.test_setup_code,
                    test_cases = EXCLUDED.test_cases, hints = EXCLUDED.hints,
                    estimated_completion_time = EXCLUDED.estimated_completion_time, tags = EXCLUDED.tags,
                    options = EXCLUDED.options, answer_key = EXCLUDED.answer_key,
                    rationale_right = EXCLUDED.rationale_right, cognitive_level = EXCLUDED.cognitive_level,
                    seed_json = EXCLUDED.seed_json, source = 'imported', updated_at = now()
                WHERE exercise.created_by IS NULL AND (exercise.source, exercise.seed_json, exercise.topic)
                    IS DISTINCT FROM ('imported', EXCLUDED.seed_json, EXCLUDED.topic)""")) {
            for (BankItem item : unit.items()) {
                ObjectNode json = item.json();
                boolean quiz = item.kind().equals("mcq");
                int column = 0;
                upsert.setString(++column, text(json, "id"));
                upsert.setString(++column, quiz ? "MCQ" : "CODE");
                setInteger(upsert, ++column, json.get("sourceTaskId"));
                upsert.setString(++column, text(json, "title"));
                upsert.setString(++column, unit.module().name());
                upsert.setString(++column, text(json, "difficulty").toUpperCase(Locale.ROOT));
                upsert.setInt(++column, json.path("complexity").asInt(0));
                upsert.setString(++column, text(json, "functionName"));
                upsert.setString(++column, quiz ? text(json, "stem") : text(json, "description"));
                upsert.setString(++column, text(json, "starterCode"));
                upsert.setString(++column, text(json, "solutionCode"));
                String setup = text(json, "testSetupCode");
                upsert.setString(++column, setup == null || setup.isBlank() ? null : setup);
                upsert.setString(++column, quiz ? null : SeedJson.compact(json.get("tests")));
                upsert.setString(++column, json.has("hints") ? SeedJson.compact(json.get("hints")) : "[]");
                upsert.setInt(++column, json.path("estimatedMinutes").asInt(quiz ? 1 : 10));
                upsert.setString(++column, json.has("tags") ? SeedJson.compact(json.get("tags")) : "[]");
                upsert.setString(++column, quiz ? SeedJson.compact(json.get("options")) : null);
                upsert.setString(++column, text(json, "answerKey"));
                upsert.setString(++column, text(json, "rationaleRight"));
                String level = text(json, "cognitiveLevel");
                upsert.setString(++column, level == null ? null : level.toUpperCase(Locale.ROOT));
                upsert.setString(++column, SeedJson.compact(json));
                changed += upsert.executeUpdate();
            }
        }
        return changed;
    }

    private int writeUnit(Connection concepts, Unit unit) throws SQLException {
        int changed = 0;
        try (PreparedStatement replaced = concepts.prepareStatement(
                "DELETE FROM concepts.curriculum_unit WHERE module = ? AND id <> ?")) {
            replaced.setString(1, unit.module().json());
            replaced.setString(2, unit.id());
            changed += replaced.executeUpdate();
        }
        try (PreparedStatement upsert = concepts.prepareStatement("""
                INSERT INTO concepts.curriculum_unit (id, module, owner_key, unit_json, source, updated_at)
                VALUES (?, ?, ?, ?::json, 'imported', now())
                ON CONFLICT (id) DO UPDATE SET module = EXCLUDED.module, owner_key = EXCLUDED.owner_key,
                    unit_json = EXCLUDED.unit_json, source = 'imported', updated_at = now()
                WHERE (curriculum_unit.module, curriculum_unit.owner_key, curriculum_unit.unit_json::text,
                    curriculum_unit.source) IS DISTINCT FROM (EXCLUDED.module, EXCLUDED.owner_key,
                    EXCLUDED.unit_json::text, 'imported')""")) {
            upsert.setString(1, unit.id());
            upsert.setString(2, unit.module().json());
            upsert.setString(3, unit.ownerKey());
            upsert.setString(4, SeedJson.compact(unit.json()));
            changed += upsert.executeUpdate();
        }
        List<String> kept = new ArrayList<>();
        try (PreparedStatement upsert = concepts.prepareStatement("""
                INSERT INTO concepts.lesson (id, unit_id, position, lesson_json, source, updated_at)
                VALUES (?, ?, ?, ?::json, 'imported', now())
                ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, position = EXCLUDED.position,
                    lesson_json = EXCLUDED.lesson_json, source = 'imported', updated_at = now()
                WHERE (lesson.unit_id, lesson.position, lesson.lesson_json::text, lesson.source)
                    IS DISTINCT FROM (EXCLUDED.unit_id, EXCLUDED.position, EXCLUDED.lesson_json::text, 'imported')""")) {
            for (int position = 0; position < unit.lessons().size(); position++) {
                Lesson lesson = unit.lessons().get(position);
                upsert.setString(1, lesson.id());
                upsert.setString(2, unit.id());
                upsert.setInt(3, position);
                upsert.setString(4, SeedJson.compact(lesson.json()));
                changed += upsert.executeUpdate();
                kept.add(lesson.id());
            }
        }
        try (PreparedStatement left = concepts.prepareStatement(
                "DELETE FROM concepts.lesson WHERE unit_id = ? AND NOT (id = ANY (?))")) {
            left.setString(1, unit.id());
            left.setArray(2, concepts.createArrayOf("varchar", kept.toArray()));
            changed += left.executeUpdate();
        }
        return changed;
    }

    private Set<String> ownerKeys() {
        Set<String> keys = new HashSet<>();
        try (Connection admin = database.connectAdmin(); Statement sql = admin.createStatement();
                ResultSet rows = sql.executeQuery(
                        "SELECT owner_key FROM triage.student_profile WHERE owner_key IS NOT NULL")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new DatabaseCommandFailed("cannot read the users' owner keys: " + e.getMessage(), e);
        }
        return keys;
    }

    private boolean refused(String file, List<SeedProblem> problems) {
        out.printf("  %s: not imported, %d problem(s):%n", file, problems.size());
        problems.forEach(problem -> out.println("    " + problem));
        return false;
    }

    private static JsonNode read(Path file, String name, List<SeedProblem> problems) {
        try {
            return SeedJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            problems.add(new SeedProblem(SeedProblem.JSON, name, "line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr(), e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Path> unitFiles(Path folder) {
        Path units = folder.resolve(UNITS);
        if (!Files.isDirectory(units)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(units)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + units, e);
        }
    }

    /** Every field named {@code ..._at} holds an ISO 8601 date and time, with {@code Z}, an offset or neither (UTC). */
    private static void datetimes(JsonNode node, String path, String file, List<SeedProblem> problems) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path + "." + field.getKey();
                if (field.getKey().endsWith("_at") && !field.getValue().isNull()) {
                    if (datetime(field.getValue()) == null) {
                        problems.add(new SeedProblem(SeedProblem.DATETIME, file, at, "'" + field.getValue().asText()
                                + "' is not an ISO 8601 date and time (2026-12-01T10:00:00Z, with an offset or none)"));
                    }
                } else {
                    datetimes(field.getValue(), at, file, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                datetimes(node.get(i), path + "[" + i + "]", file, problems);
            }
        }
    }

    static Instant datetime(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.textValue()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** The object with an {@code id}, a new UUID put first where it had none. */
    private static ObjectNode withId(JsonNode node) {
        ObjectNode object = (ObjectNode) node;
        if (object.hasNonNull("id")) {
            return object;
        }
        ObjectNode identified = SeedJson.JSON.createObjectNode().put("id", UUID.randomUUID().toString());
        object.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("id")) {
                identified.set(field.getKey(), field.getValue());
            }
        });
        return identified;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void setInteger(PreparedStatement statement, int column, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            statement.setNull(column, Types.INTEGER);
        } else {
            statement.setInt(column, value.asInt());
        }
    }
}
