package io.learnflow.exercise.ai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseAssignment;
import io.learnflow.exercise.repository.ExerciseAssignmentRepository;
import io.learnflow.exercise.repository.ExerciseRepository;
import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.specialist.ai.ModuleMentions;
import io.learnflow.specialist.ai.Tutor;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;

/**
 * Hands out the next exercise of the student's module and level that they have not had yet: the task and one example
 * check, never the reference solution. When the student sends code, it gives them the exercise's checks to run.
 */
@ApplicationScoped
public class OfflineExerciseTutor implements Tutor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Difficulty> LEVELS = List.of(Difficulty.BEGINNER, Difficulty.INTERMEDIATE,
            Difficulty.ADVANCED);

    private final ExerciseRepository exercises;
    private final ExerciseAssignmentRepository assignments;

    public OfflineExerciseTutor(ExerciseRepository exercises, ExerciseAssignmentRepository assignments) {
        this.exercises = exercises;
        this.assignments = assignments;
    }

    @Override
    public String name() {
        return "exercise-offline-v1";
    }

    @Override
    public Uni<TutorAnswer> answer(QueryRouted query) {
        if (query.code() != null && !query.code().isBlank()) {
            return checksForSubmission(query);
        }
        LearningModule module = ModuleMentions.in(query.queryText())
                .orElse(query.module() != null ? query.module() : LearningModule.VARIABLES);
        Difficulty difficulty = levelAsked(query);
        return firstUnassigned(query.studentId(), module, preferenceFrom(difficulty), 0)
                .chain(exercise -> exercise == null ? Uni.createFrom().item(allDone(module))
                        : assign(exercise, query).replaceWith(handOut(exercise)));
    }

    private Uni<Exercise> firstUnassigned(UUID studentId, LearningModule module, List<Difficulty> levels, int index) {
        if (index >= levels.size()) {
            return Uni.createFrom().nullItem();
        }
        return exercises.nextFor(studentId, module, levels.get(index))
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : firstUnassigned(studentId, module, levels, index + 1));
    }

    private Uni<ExerciseAssignment> assign(Exercise exercise, QueryRouted query) {
        ExerciseAssignment assignment = new ExerciseAssignment();
        assignment.id = UUID.randomUUID();
        assignment.studentId = query.studentId();
        assignment.exerciseId = exercise.id;
        assignment.queryId = query.queryId();
        assignment.assignedAt = Instant.now();
        return assignments.persist(assignment);
    }

    private static TutorAnswer handOut(Exercise exercise) {
        List<String> checks = checksOf(exercise);
        String content = "**Exercise " + exercise.id + "** (" + exercise.module.json() + ", "
                + exercise.difficulty.json() + ")\n\n" + exercise.prompt + "\n\nName your function `"
                + exercise.functionName + "`. It should pass checks like this one:\n```python\n" + checks.get(0)
                + "\n```\nStart with the simplest case, test it, then handle the rest. Send me your code when you "
                + "want the full set of checks.";
        return new TutorAnswer("exercise", content, exercise.module, false, exercise.id, null, null);
    }

    private Uni<TutorAnswer> checksForSubmission(QueryRouted query) {
        return assignments.latestOf(query.studentId())
                .chain(latest -> latest == null ? Uni.createFrom().nullItem() : exercises.findById(latest.exerciseId))
                .map(exercise -> {
                    if (exercise == null) {
                        return TutorAnswer.of("clarification", "I don't see an exercise of yours to check this against. "
                                + "Ask me for an exercise first, then send your solution.", query.module(), false);
                    }
                    String content = "Here are all the checks for exercise " + exercise.id + ". Put them under your "
                            + "function and run the file: no output means every check passed.\n```python\n"
                            + String.join("\n", checksOf(exercise)) + "\n```\nIf one fails, send me the error and "
                            + "we'll work out why.";
                    return new TutorAnswer("checks", content, exercise.module, false, exercise.id, null, null);
                });
    }

    private static TutorAnswer allDone(LearningModule module) {
        return TutorAnswer.of("exercise", "You have done every " + module.json()
                + " exercise I have. Ask me for another module, or for a harder level.", module, true);
    }

    private static Difficulty levelAsked(QueryRouted query) {
        String text = query.queryText().toLowerCase(Locale.ROOT);
        Difficulty current = query.difficulty() != null ? query.difficulty() : Difficulty.BEGINNER;
        if (text.contains("harder") || text.contains("more difficult") || text.contains("challenge")) {
            return LEVELS.get(Math.min(LEVELS.indexOf(current) + 1, LEVELS.size() - 1));
        }
        if (text.contains("easier") || text.contains("simpler")) {
            return LEVELS.get(Math.max(LEVELS.indexOf(current) - 1, 0));
        }
        return current;
    }

    private static List<Difficulty> preferenceFrom(Difficulty asked) {
        List<Difficulty> order = new ArrayList<>(List.of(asked));
        LEVELS.stream().filter(level -> level != asked).forEach(order::add);
        return order;
    }

    static List<String> checksOf(Exercise exercise) {
        try {
            return JSON.readValue(exercise.tests, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("exercise " + exercise.id + " has unreadable tests", e);
        }
    }
}
