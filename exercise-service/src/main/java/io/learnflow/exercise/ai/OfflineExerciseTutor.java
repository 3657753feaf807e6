package io.learnflow.exercise.ai;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.exercise.model.Exercise;
import io.learnflow.exercise.model.ExerciseAssignment;
import io.learnflow.exercise.model.ExerciseDifficulty;
import io.learnflow.exercise.model.ExerciseJson;
import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.exercise.model.ExerciseSubmission;
import io.learnflow.exercise.model.ExerciseTestCase;
import io.learnflow.exercise.model.SubmissionStatus;
import io.learnflow.exercise.repository.ExerciseAssignmentRepository;
import io.learnflow.exercise.repository.ExerciseRepository;
import io.learnflow.exercise.service.AdaptiveChoice;
import io.learnflow.exercise.service.GradingService;
import io.learnflow.exercise.service.SubmissionFeedback;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.specialist.ai.ModuleMentions;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;

/**
 * Hands out the next exercise of the student's module, chosen from their own graded results ({@link AdaptiveChoice}):
 * the task, its starter code and one example test, never the reference solution. Code sent with a query ("here is my
 * solution to exercise 12, is it right?") becomes a submission, graded in the sandbox like any other, and the
 * grader's feedback is the answer.
 */
@ApplicationScoped
public class OfflineExerciseTutor {

    private static final Pattern NAMED_EXERCISE = Pattern.compile(
            "\\b(?:exercise|problem|task|ejercicio|aufgabe)\\s*(?:#|no\\.?|number)?\\s*([a-z]+-[a-z0-9-]+|\\d+)\\b");
    private static final Pattern AGAIN = Pattern.compile("\\b(again|repeat|redo|retry|same one)\\b");
    private static final Pattern HARDER = Pattern.compile("\\b(harder|more difficult|challenge|tougher)\\b");
    private static final Pattern EASIER = Pattern.compile("\\b(easier|simpler)\\b");

    private final ExerciseRepository exercises;
    private final ExerciseAssignmentRepository assignments;
    private final AdaptiveChoice choice;
    private final GradingService grading;

    public OfflineExerciseTutor(ExerciseRepository exercises, ExerciseAssignmentRepository assignments,
            AdaptiveChoice choice, GradingService grading) {
        this.exercises = exercises;
        this.assignments = assignments;
        this.choice = choice;
        this.grading = grading;
    }

    /** The offline answer, and when it is the feedback on a graded solution, the exercise and the submission. */
    public record ExerciseAnswer(TutorAnswer answer, Exercise exercise, ExerciseSubmission graded) {

        static ExerciseAnswer of(TutorAnswer answer) {
            return new ExerciseAnswer(answer, null, null);
        }
    }

    public String name() {
        return "exercise-offline-v2";
    }

    public Uni<TutorAnswer> answer(QueryRouted query) {
        return prepare(query).map(ExerciseAnswer::answer);
    }

    public Uni<ExerciseAnswer> prepare(QueryRouted query) {
        String text = query.queryText().toLowerCase(Locale.ROOT);
        if (query.code() != null && !query.code().isBlank()) {
            return exerciseChecked(query, text).chain(exercise -> exercise == null
                    ? Uni.createFrom().item(ExerciseAnswer.of(nothingToCheck(query)))
                    : grade(query, exercise));
        }
        Uni<TutorAnswer> handedOut = AGAIN.matcher(text).find()
                ? assignments.latestOf(query.studentId())
                        .chain(latest -> latest == null ? nextExercise(query, text)
                                : exercises.findById(latest.exerciseId)
                                        .chain(exercise -> assign(exercise, query).replaceWith(handOut(exercise))))
                : nextExercise(query, text);
        return handedOut.map(ExerciseAnswer::of);
    }

    private Uni<TutorAnswer> nextExercise(QueryRouted query, String text) {
        LearningModule module = ModuleMentions.in(query.queryText())
                .orElse(query.module() != null ? query.module() : LearningModule.VARIABLES);
        int shift = HARDER.matcher(text).find() ? 1 : EASIER.matcher(text).find() ? -1 : 0;
        return choice.next(query.studentId(), module, ExerciseDifficulty.forLevel(query.difficulty()), shift)
                .chain(exercise -> exercise == null ? Uni.createFrom().item(allDone(module))
                        : assign(exercise, query).replaceWith(handOut(exercise)));
    }

    /** The exercise the query names or carries, else the one last handed to the student. */
    private Uni<Exercise> exerciseChecked(QueryRouted query, String text) {
        Optional<String> named = Optional.ofNullable(query.exerciseId())
                .or(() -> {
                    Matcher matcher = NAMED_EXERCISE.matcher(text);
                    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
                });
        Uni<Exercise> latest = assignments.latestOf(query.studentId())
                .chain(assignment -> assignment == null ? Uni.createFrom().nullItem()
                        : exercises.findById(assignment.exerciseId));
        if (named.isEmpty()) {
            return latest;
        }
        String id = named.get();
        return exercises.findById(id)
                .chain(found -> found != null || !id.matches("\\d+") ? Uni.createFrom().item(found)
                        : exercises.findById("mbpp-" + id))
                .chain(found -> found != null ? Uni.createFrom().item(found) : latest);
    }

    private Uni<ExerciseAnswer> grade(QueryRouted query, Exercise exercise) {
        if (exercise.kind != ExerciseKind.CODE) {
            return Uni.createFrom().item(ExerciseAnswer.of(TutorAnswer.of("clarification", "Exercise " + exercise.id
                    + " is a quiz question: answer it with one of its options rather than with code.", exercise.module,
                    false)));
        }
        ExerciseSubmission submission = new ExerciseSubmission();
        submission.id = UUID.randomUUID();
        submission.studentId = query.studentId();
        submission.exerciseId = exercise.id;
        submission.queryId = query.queryId();
        submission.code = query.code();
        submission.status = SubmissionStatus.PENDING;
        submission.submittedAt = Instant.now();
        submission.sessionId = query.sessionId();
        submission.timeZone = query.timeZone();
        return grading.gradeNow(submission, exercise).map(graded -> new ExerciseAnswer(new TutorAnswer(
                "submission-feedback", SubmissionFeedback.forStudent(exercise, graded), exercise.module, true,
                exercise.id, null, null), exercise, graded));
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
        ExerciseTestCase example = ExerciseJson.tests(exercise).stream().filter(t -> !t.hidden()).findFirst()
                .orElseThrow();
        String content = "**Exercise " + exercise.id + ": " + exercise.title + "** (" + exercise.module.json() + ", "
                + exercise.difficulty.json() + ", about " + exercise.estimatedCompletionTime + " min)\n\n"
                + exercise.problemDescription + "\n\nStart from:\n```python\n" + exercise.starterCode
                + "```\nIt should pass checks like this one:\n```python\n" + example.statement() + "\n```\n"
                + "Start with the simplest case, test it, then handle the rest. Send me your code (\"here is my "
                + "solution to exercise " + exercise.id + "\") and I will run every test on it.";
        return new TutorAnswer("exercise", content, exercise.module, false, exercise.id, null, null);
    }

    private static TutorAnswer nothingToCheck(QueryRouted query) {
        return TutorAnswer.of("clarification", "I don't see an exercise of yours to check this against. Ask me for "
                + "an exercise first, or say which one it is (\"my solution to exercise 12\").", query.module(), false);
    }

    private static TutorAnswer allDone(LearningModule module) {
        return TutorAnswer.of("exercise", "You have solved every " + module.json()
                + " exercise I have. Ask me for another module, or to repeat one.", module, true);
    }
}
