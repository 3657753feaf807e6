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

import io.learnflow.exercise.model.ExerciseJson;
import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.model.LearningModule;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Loads the shipped bank at start-up: an idempotent upsert keyed by each exercise's stable id, apart from the schema's
 * changesets, so a changed bank never breaks start-up. A row changes only when its content does; exercises teachers
 * wrote are never touched, and exercises that left the bank stay (submissions refer to them).
 */
@ApplicationScoped
public class ExerciseBankLoader {

    private static final Logger LOG = Logger.getLogger(ExerciseBankLoader.class);
    static final String MBPP = "bank/mbpp-exercises.json";
    static final String WRITTEN_FOR_LEARNFLOW = "bank/learnflow/%s.json";

    private static final String UPSERT = """
            INSERT INTO exercise (id, kind, source_task_id, title, topic, difficulty, complexity, function_name,
                problem_description, starter_code, solution_code, test_setup_code, test_cases, hints,
                estimated_completion_time, tags, options, answer_key, rationale_right, cognitive_level, created_at,
                updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, now(),
                now())
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, source_task_id = EXCLUDED.source_task_id,
                title = EXCLUDED.title, topic = EXCLUDED.topic, difficulty = EXCLUDED.difficulty,
                complexity = EXCLUDED.complexity, function_name = EXCLUDED.function_name,
                problem_description = EXCLUDED.problem_description, starter_code = EXCLUDED.starter_code,
                solution_code = EXCLUDED.solution_code, test_setup_code = EXCLUDED.test_setup_code,
                test_cases = EXCLUDED.test_cases, hints = EXCLUDED.hints,
                estimated_completion_time = EXCLUDED.estimated_completion_time, tags = EXCLUDED.tags,
                options = EXCLUDED.options, answer_key = EXCLUDED.answer_key,
                rationale_right = EXCLUDED.rationale_right, cognitive_level = EXCLUDED.cognitive_level,
                updated_at = now()
            WHERE exercise.created_by IS NULL AND (exercise.kind, exercise.source_task_id, exercise.title,
                exercise.topic, exercise.difficulty, exercise.complexity, exercise.function_name,
                exercise.problem_description, exercise.starter_code, exercise.solution_code,
                exercise.test_setup_code, exercise.test_cases, exercise.hints, exercise.estimated_completion_time,
                exercise.tags, exercise.options, exercise.answer_key, exercise.rationale_right,
                exercise.cognitive_level)
              IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.source_task_id, EXCLUDED.title, EXCLUDED.topic,
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
        List<BankEntry> bank = shippedBank();
        List<Tuple> rows = bank.stream().sorted(Comparator.comparing(BankEntry::id)).map(ExerciseBankLoader::row)
                .toList();
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

    /** Every exercise and quiz question the service ships: the MBPP part, then LearnFlow's own for each module. */
    public static List<BankEntry> shippedBank() {
        List<BankEntry> bank = new ArrayList<>(read(MBPP, new TypeReference<List<BankEntry>>() {
        }));
        for (LearningModule module : LearningModule.values()) {
            BankEntry.ModuleFile file = read(WRITTEN_FOR_LEARNFLOW.formatted(module.json()),
                    new TypeReference<BankEntry.ModuleFile>() {
                    });
            file.exercises().forEach(entry -> bank.add(entry.inModule(module, ExerciseKind.CODE)));
            file.quiz().forEach(entry -> bank.add(entry.inModule(module, ExerciseKind.MCQ)));
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

    private static Tuple row(BankEntry e) {
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
        return Tuple.from(values);
    }
}
