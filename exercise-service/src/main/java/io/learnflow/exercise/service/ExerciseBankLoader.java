package io.learnflow.exercise.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.learnflow.exercise.model.ExerciseJson;
import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.model.LearningModule;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Loads the shipped bank at start-up: an idempotent upsert keyed by each exercise's stable id, apart from the schema's
 * changesets, so a changed bank never breaks start-up. A row changes only when its content does; exercises teachers
 * wrote and items {@code ./learnflow db import} wrote are never touched, and exercises that left the bank stay
 * (submissions refer to them). LearnFlow's own items are those of the seed units' exercise banks ({@code
 * curriculum/units/<module>.json} of the repository, {@code seed/units/} on the class path), kept with their JSON as
 * the unit wrote it for {@code db export}.
 */
@ApplicationScoped
public class ExerciseBankLoader {

    private static final Logger LOG = Logger.getLogger(ExerciseBankLoader.class);
    static final String MBPP = "bank/mbpp-exercises.json";
    static final String SEED_UNITS = "seed/units/%s.json";

    private static final String UPSERT = """
            INSERT INTO exercise (id, kind, source_task_id, title, topic, difficulty, complexity, function_name,
                problem_description, starter_code, solution_code, test_setup_code, test_cases, hints,
                estimated_completion_time, tags, options, answer_key, rationale_right, cognitive_level, seed_json, source,
                created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                'shipped', now(), now())
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, source_task_id = EXCLUDED.source_task_id,
                title = EXCLUDED.title, topic = EXCLUDED.topic, difficulty = EXCLUDED.difficulty,
                complexity = EXCLUDED.complexity, function_name = EXCLUDED.function_name,
                problem_description = EXCLUDED.problem_description, starter_code = EXCLUDED.starter_code,
                solution_code = EXCLUDED.solution_code, test_setup_code = EXCLUDED.test_setup_code,
                test_cases = EXCLUDED.test_cases, hints = EXCLUDED.hints,
                estimated_completion_time = EXCLUDED.estimated_completion_time, tags = EXCLUDED.tags,
                options = EXCLUDED.options, answer_key = EXCLUDED.answer_key,
                rationale_right = EXCLUDED.rationale_right, cognitive_level = EXCLUDED.cognitive_level,
                seed_json = EXCLUDED.seed_json, source = 'shipped', updated_at = now()
            WHERE exercise.created_by IS NULL AND exercise.source IS DISTINCT FROM 'imported' AND (exercise.source,
                exercise.seed_json, exercise.kind, exercise.source_task_id, exercise.title,
                exercise.topic, exercise.difficulty, exercise.complexity, exercise.function_name,
                exercise.problem_description, exercise.starter_code, exercise.solution_code,
                exercise.test_setup_code, exercise.test_cases, exercise.hints, exercise.estimated_completion_time,
                exercise.tags, exercise.options, exercise.answer_key, exercise.rationale_right,
                exercise.cognitive_level)
              IS DISTINCT FROM ('shipped', EXCLUDED.seed_json, EXCLUDED.kind, EXCLUDED.source_task_id, EXCLUDED.title, EXCLUDED.topic,
                EXCLUDED.difficulty, EXCLUDED.complexity, EXCLUDED.function_name, EXCLUDED.problem_description,
                EXCLUDED.starter_code, EXCLUDED.solution_code, EXCLUDED.test_setup_code, EXCLUDED.test_cases,
                EXCLUDED.hints, EXCLUDED.estimated_completion_time, EXCLUDED.tags, EXCLUDED.options,
                EXCLUDED.answer_key, EXCLUDED.rationale_right, EXCLUDED.cognitive_level)
            """;

    private final Pool database;

    public ExerciseBankLoader(Pool database) {
        this.database = database;
    }

    void loadAtStartup(@Observes StartupEvent started) {
        List<ShippedItem> bank = shippedItems();
        List<Tuple> rows = bank.stream().sorted(Comparator.comparing(item -> item.entry().id()))
                .map(ExerciseBankLoader::row).toList();
        long began = System.nanoTime();
        int changed = database.withTransaction(connection -> connection.preparedQuery(UPSERT).executeBatch(rows))
                .map(result -> {
                    int count = 0;
                    for (var batch = result; batch != null; batch = batch.next()) {
                        count += batch.rowCount();
                    }
                    return count;
                })
                .await().atMost(Duration.ofMinutes(2));
        LOG.infof("exercise bank: %d exercises and questions shipped, %d inserted or changed, in %d ms", bank.size(),
                changed, (System.nanoTime() - began) / 1_000_000);
    }

    /** An item of the shipped bank, with its JSON as its seed unit wrote it (null for the MBPP part). */
    record ShippedItem(BankEntry entry, String seedJson) {
    }

    /** Every exercise and quiz question the service ships: the MBPP part, then LearnFlow's own for each module. */
    public static List<BankEntry> shippedBank() {
        return shippedItems().stream().map(ShippedItem::entry).toList();
    }

    static List<ShippedItem> shippedItems() {
        List<ShippedItem> bank = new ArrayList<>();
        read(MBPP, new TypeReference<List<BankEntry>>() {
        }).forEach(entry -> bank.add(new ShippedItem(entry, null)));
        for (LearningModule module : LearningModule.values()) {
            String resource = SEED_UNITS.formatted(module.json());
            try (InputStream in = Objects.requireNonNull(
                    ExerciseBankLoader.class.getClassLoader().getResourceAsStream(resource), resource)) {
                for (JsonNode lesson : ExerciseJson.readTree(in).path("lessons")) {
                    JsonNode items = lesson.path("package").path("exercise_bank");
                    for (JsonNode item : items.path("code")) {
                        bank.add(new ShippedItem(ExerciseJson.read(item, BankEntry.class)
                                .inModule(module, ExerciseKind.CODE), item.toString()));
                    }
                    for (JsonNode item : items.path("mcq")) {
                        bank.add(new ShippedItem(ExerciseJson.read(item, BankEntry.class)
                                .inModule(module, ExerciseKind.MCQ), item.toString()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the exercise bank of the seed unit " + resource, e);
            }
        }
        return bank;
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = Objects.requireNonNull(
                ExerciseBankLoader.class.getClassLoader().getResourceAsStream(resource), resource)) {
            return ExerciseJson.read(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exercise bank's " + resource, e);
        }
    }

    private static Tuple row(ShippedItem item) {
        BankEntry e = item.entry();
        boolean quiz = e.kind() == ExerciseKind.MCQ;
        int minutes = e.estimatedMinutes() != null ? e.estimatedMinutes() : quiz ? 1 : 10;
        List<Object> values = new ArrayList<>(List.of(e.id(), e.kind().name()));
        values.add(e.sourceTaskId());
        values.add(e.title());
        values.add(e.module().name());
        values.add(e.difficulty().name());
        values.add(e.complexity() != null ? e.complexity() : 0);
        values.add(e.functionName());
        values.add(e.description());
        values.add(e.starterCode());
        values.add(e.solutionCode());
        values.add(e.testSetupCode() == null || e.testSetupCode().isBlank() ? null : e.testSetupCode());
        values.add(quiz ? null : ExerciseJson.write(e.tests()));
        values.add(ExerciseJson.write(e.hints() != null ? e.hints() : List.of()));
        values.add(minutes);
        values.add(ExerciseJson.write(e.tags() != null ? e.tags() : List.of()));
        values.add(quiz ? ExerciseJson.write(e.options()) : null);
        values.add(e.answerKey());
        values.add(e.rationaleRight());
        values.add(e.cognitiveLevel() != null ? e.cognitiveLevel().name() : null);
        values.add(item.seedJson());
        return Tuple.from(values);
    }
}
