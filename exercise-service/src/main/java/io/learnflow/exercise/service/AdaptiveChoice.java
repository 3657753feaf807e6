package io.learnflow.exercise.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseDifficulty;
import io.learnflow.exercise.repository.ExerciseRepository;
import io.learnflow.exercise.repository.ExerciseSubmissionRepository;
import io.learnflow.exercise.repository.ExerciseSubmissionRepository.GradedResult;
import io.learnflow.model.LearningModule;
import io.smallrye.mutiny.Uni;

/**
 * The next exercise of a module for a student, from their own graded results in it. At each difficulty the recent
 * pass rate is the share of their last {@value #RECENT} graded submissions at that difficulty that passed every
 * test; with at least {@value #EVIDENCE} of them, a rate of 85% or more masters the difficulty and one under 60%
 * means the student is struggling there. The level is the easiest difficulty not mastered, one easier when the
 * student struggles at it; with no graded results yet, the level they asked for (their session's). "Harder" or
 * "easier" moves it one step. The exercise is the easiest one of that level (least complex) they have not solved,
 * preferring those not handed to them yet; a solved exercise is never chosen. When a level has none left, the
 * nearest level that has is used.
 */
@ApplicationScoped
public class AdaptiveChoice {

    static final int RECENT = 5;
    static final int EVIDENCE = 3;
    static final double MASTERED = 0.85;
    static final double STRUGGLING = 0.60;

    private final ExerciseRepository exercises;
    private final ExerciseSubmissionRepository submissions;

    public AdaptiveChoice(ExerciseRepository exercises, ExerciseSubmissionRepository submissions) {
        this.exercises = exercises;
        this.submissions = submissions;
    }

    /** The next exercise, or null when the student has solved every exercise of the module. */
    public Uni<Exercise> next(UUID studentId, LearningModule module, ExerciseDifficulty asked, int shift) {
        return submissions.recentResults(studentId, module, RECENT * ExerciseDifficulty.values().length * 4)
                .chain(results -> {
                    ExerciseDifficulty level = levelFor(results, asked).shifted(shift);
                    return firstAvailable(studentId, module, nearestFirst(level), 0);
                });
    }

    static ExerciseDifficulty levelFor(List<GradedResult> newestFirst, ExerciseDifficulty whenUnknown) {
        if (newestFirst.isEmpty()) {
            return whenUnknown;
        }
        Map<ExerciseDifficulty, int[]> recent = new EnumMap<>(ExerciseDifficulty.class);
        for (GradedResult result : newestFirst) {
            int[] counts = recent.computeIfAbsent(result.difficulty(), d -> new int[2]);
            if (counts[0] < RECENT) {
                counts[0]++;
                counts[1] += result.solved() ? 1 : 0;
            }
        }
        for (ExerciseDifficulty level : ExerciseDifficulty.values()) {
            int[] counts = recent.getOrDefault(level, new int[2]);
            boolean enough = counts[0] >= EVIDENCE;
            double rate = counts[0] == 0 ? 0 : counts[1] / (double) counts[0];
            if (!enough || rate < MASTERED) {
                return enough && rate < STRUGGLING ? level.shifted(-1) : level;
            }
        }
        return ExerciseDifficulty.HARD;
    }

    private static List<ExerciseDifficulty> nearestFirst(ExerciseDifficulty level) {
        return switch (level) {
            case EASY -> List.of(ExerciseDifficulty.EASY, ExerciseDifficulty.MEDIUM, ExerciseDifficulty.HARD);
            case MEDIUM -> List.of(ExerciseDifficulty.MEDIUM, ExerciseDifficulty.EASY, ExerciseDifficulty.HARD);
            case HARD -> List.of(ExerciseDifficulty.HARD, ExerciseDifficulty.MEDIUM, ExerciseDifficulty.EASY);
        };
    }

    private Uni<Exercise> firstAvailable(UUID studentId, LearningModule module, List<ExerciseDifficulty> levels,
            int index) {
        if (index >= levels.size()) {
            return Uni.createFrom().nullItem();
        }
        return exercises.easiestUnsolved(studentId, module, levels.get(index))
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : firstAvailable(studentId, module, levels, index + 1));
    }
}
