package io.learnflow.exercise.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseDifficulty;
import io.learnflow.exercise.model.ExerciseJson;
import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.exercise.model.ExerciseSummary;
import io.learnflow.exercise.model.ExerciseTestCase;
import io.learnflow.exercise.model.ExerciseView;
import io.learnflow.exercise.model.NewExercise;
import io.learnflow.exercise.repository.ExerciseRepository;
import io.learnflow.grader.ExerciseTest;
import io.learnflow.grader.GradingVerdict;
import io.learnflow.grader.TestFeedback;
import io.learnflow.model.LearningModule;
import io.learnflow.support.domain.Overloaded;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The bank as students and teachers see it: listing, one exercise without its solution, and teachers' additions. */
@ApplicationScoped
public class ExerciseCatalogue {

    private static final Logger LOG = Logger.getLogger(ExerciseCatalogue.class);

    private final ExerciseRepository exercises;
    private final ExerciseGrader grader;
    private final InvalidInput invalid;

    public ExerciseCatalogue(ExerciseRepository exercises, ExerciseGrader grader, InvalidInput invalid) {
        this.exercises = exercises;
        this.grader = grader;
        this.invalid = invalid;
    }

    /** The listing, filtered by the module, difficulty and kind named (each optional, in their JSON spelling). */
    public Uni<List<ExerciseSummary>> list(String module, String difficulty, String kind) {
        LearningModule inModule = parsed("module", module, LearningModule::fromJson);
        ExerciseDifficulty atDifficulty = parsed("difficulty", difficulty, ExerciseDifficulty::fromJson);
        ExerciseKind ofKind = parsed("kind", kind, ExerciseKind::fromJson);
        return Panache.withSession(() -> exercises.listed(inModule, atDifficulty, ofKind))
                .map(found -> found.stream().map(ExerciseSummary::of).toList());
    }

    private <T> T parsed(String name, String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalid.of(name, "'" + value + "' is not a known " + name);
        }
    }

    public Uni<ExerciseView> view(String id) {
        return Panache.withSession(() -> exercises.findById(id)).map(exercise -> {
            if (exercise == null) {
                throw new ExerciseNotFound(id);
            }
            return ExerciseView.of(exercise);
        });
    }

    /** Adds a teacher's exercise once its reference solution has passed every one of its tests in the sandbox. */
    public Uni<ExerciseView> add(UUID teacherId, NewExercise proposed) {
        List<ExerciseTestCase> tests = testsOf(proposed);
        if (grader.unavailableBecause().isPresent()) {
            throw new Overloaded("the sandbox that checks new exercises is not available", Duration.ofMinutes(1));
        }
        return grader.grade(proposed.solutionCode(), proposed.testSetupCode(), tests.stream()
                        .map(t -> new ExerciseTest(t.name(), t.statement(), t.hidden(), t.checks())).toList())
                .map(report -> {
                    if (report.verdict() == GradingVerdict.UNDECIDED) {
                        throw new Overloaded("the sandbox could not check the reference solution now",
                                Duration.ofSeconds(30));
                    }
                    TestFeedback failing = report.tests().stream().filter(t -> !t.passed()).findFirst().orElse(null);
                    if (failing != null || !report.allPassed()) {
                        throw invalid.of("solutionCode", "the reference solution fails its own test '"
                                + (failing != null ? failing.name() : "?") + "'"
                                + (failing != null && failing.explanation() != null ? ": " + failing.explanation()
                                        : ""));
                    }
                    return newExercise(teacherId, proposed, tests);
                })
                .chain(exercise -> Panache.withTransaction(() -> exercises.persist(exercise)))
                .invoke(exercise -> LOG.infof("teacher %s added exercise %s (%s, %s)", teacherId, exercise.id,
                        exercise.module.json(), exercise.difficulty.json()))
                .map(ExerciseView::of);
    }

    private List<ExerciseTestCase> testsOf(NewExercise proposed) {
        List<ExerciseTestCase> tests = new java.util.ArrayList<>();
        for (int i = 0; i < proposed.tests().size(); i++) {
            NewExercise.Test test = proposed.tests().get(i);
            if (test.hidden() && (test.checks() == null || test.checks().isBlank())) {
                throw invalid.of("tests[" + i + "].checks", "a hidden test must say what it checks");
            }
            String name = test.name() == null || test.name().isBlank() ? "test " + (i + 1) : test.name();
            tests.add(new ExerciseTestCase(name, test.statement(), test.hidden(), test.hidden() ? test.checks() : null));
        }
        return tests;
    }

    private static Exercise newExercise(UUID teacherId, NewExercise proposed, List<ExerciseTestCase> tests) {
        Exercise exercise = new Exercise();
        exercise.id = "teacher-" + UUID.randomUUID();
        exercise.kind = ExerciseKind.CODE;
        exercise.title = proposed.title();
        exercise.module = proposed.module();
        exercise.difficulty = proposed.difficulty();
        exercise.problemDescription = proposed.description();
        exercise.functionName = proposed.functionName();
        exercise.starterCode = proposed.starterCode();
        exercise.solutionCode = proposed.solutionCode();
        exercise.testSetupCode = proposed.testSetupCode();
        exercise.testCases = ExerciseJson.write(tests);
        exercise.hints = ExerciseJson.write(proposed.hints() != null ? proposed.hints() : List.of());
        exercise.tags = ExerciseJson.write(proposed.tags() != null ? proposed.tags() : List.of());
        exercise.estimatedCompletionTime = proposed.estimatedMinutes() != null ? proposed.estimatedMinutes() : 15;
        exercise.createdBy = teacherId;
        exercise.createdAt = Instant.now();
        exercise.updatedAt = exercise.createdAt;
        return exercise;
    }
}
