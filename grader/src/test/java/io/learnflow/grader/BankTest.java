package io.learnflow.grader;

import static io.learnflow.grader.Graders.grade;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped bank (MBPP problems and exercises written for LearnFlow): references pass, broken variants fail. */
class BankTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CALL = Pattern.compile("([A-Za-z_]\\w*)\\s*\\(");

    record Exercise(String id, String code, String setup, List<ExerciseTest> tests) {
    }

    static List<Exercise> bank(String resource) throws IOException {
        List<Exercise> exercises = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                BankTest.class.getResourceAsStream("/bank/" + resource), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode item = JSON.readTree(line);
                List<ExerciseTest> tests = new ArrayList<>();
                item.path("test_list").forEach(t -> tests.add(ExerciseTest.visible("test " + (tests.size() + 1),
                        t.asText())));
                item.path("hidden").forEach(t -> tests.add(ExerciseTest.hidden("hidden " + (tests.size() + 1),
                        t.path("statement").asText(), t.path("checks").asText())));
                exercises.add(new Exercise(item.path("task_id").asText(), item.path("code").asText(),
                        item.path("test_setup_code").asText(""), tests));
            }
        }
        return exercises;
    }

    /** The first function the tests call that the reference defines, redefined to return None. */
    static String broken(Exercise exercise) {
        Matcher call = CALL.matcher(exercise.tests().get(0).statement());
        while (call.find()) {
            if (Pattern.compile("def\\s+" + call.group(1) + "\\s*\\(").matcher(exercise.code()).find()) {
                return exercise.code() + "\n\ndef " + call.group(1) + "(*args, **kwargs):\n    return None\n";
            }
        }
        throw new IllegalStateException("no function under test in " + exercise.id());
    }

    @Test
    void everyReferencePassesAndABrokenVariantFails() throws IOException {
        List<Exercise> exercises = new ArrayList<>(bank("mbpp_sample.jsonl"));
        exercises.addAll(bank("beginner.jsonl"));
        List<CompletableFuture<GradingReport>> references = new ArrayList<>();
        List<CompletableFuture<GradingReport>> broken = new ArrayList<>();
        for (Exercise exercise : exercises) {
            references.add(Graders.GRADER.grade(new GradingRequest(exercise.code(), exercise.setup(), exercise.tests())));
            broken.add(Graders.GRADER.grade(new GradingRequest(broken(exercise), exercise.setup(), exercise.tests())));
        }

        for (int i = 0; i < exercises.size(); i++) {
            assertThat(Graders.await(references.get(i)).grade()).as(exercises.get(i).id()).isEqualTo(100);
            assertThat(Graders.await(broken.get(i)).allPassed()).as(exercises.get(i).id()).isFalse();
        }
        assertThat(exercises).hasSize(25);
    }

    @Test
    void aWrongAnswerToABeginnerExerciseSaysWhatTheHiddenTestsCheckAndNothingMore() throws IOException {
        Exercise vowels = bank("beginner.jsonl").get(2);

        GradingReport report = grade(new GradingRequest(
                "def count_vowels(text):\n    return sum(1 for c in text if c in 'aeiou')\n", null, vowels.tests()));

        assertThat(report.testsPassed()).isEqualTo(3);
        TestFeedback capitals = report.tests().get(3);
        assertThat(capitals.passed()).isFalse();
        assertThat(capitals.checks()).isEqualTo("capital letters");
        assertThat(report.toString()).doesNotContain("AEIOU").doesNotContain("count_vowels('')");
        assertThat(report.feedback()).contains("3 of 4 tests pass");
    }
}
