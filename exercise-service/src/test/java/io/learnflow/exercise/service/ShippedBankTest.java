package io.learnflow.exercise.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.learnflow.exercise.model.ExerciseKind;
import io.learnflow.exercise.model.ExerciseTestCase;
import io.learnflow.exercise.model.QuizOption;
import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.grader.ExerciseTest;
import io.learnflow.grader.Grader;
import io.learnflow.grader.GradingReport;
import io.learnflow.grader.GradingRequest;
import io.learnflow.grader.GradingVerdict;
import io.learnflow.model.LearningModule;
import io.learnflow.sandbox.Isolation;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;
import io.learnflow.sandbox.SandboxLimits;

/** Every exercise the service ships, graded in the real sandbox: each reference passes, its starter code does not. */
class ShippedBankTest {

    static Sandbox sandbox;
    static Grader grader;
    static final List<BankEntry> BANK = ExerciseBankLoader.shippedBank();

    @BeforeAll
    static void startSandbox() {
        sandbox = new Sandbox(new SandboxConfig(Isolation.BUBBLEWRAP, SandboxLimits.DEFAULT, 2, 1_000,
                Path.of("/usr/bin/python3"), Path.of("/usr/bin/bwrap"), 62000));
        grader = new Grader(sandbox, new NoviceErrorCatalogue());
    }

    @AfterAll
    static void stopSandbox() {
        grader.close();
        sandbox.close();
    }

    static List<BankEntry> coding() {
        return BANK.stream().filter(e -> e.kind() == ExerciseKind.CODE).toList();
    }

    static Map<String, GradingReport> gradeAll(Map<String, String> codeById) throws Exception {
        Map<String, CompletableFuture<GradingReport>> running = new java.util.LinkedHashMap<>();
        for (BankEntry entry : coding()) {
            running.put(entry.id(), grader.grade(new GradingRequest(codeById.get(entry.id()), entry.testSetupCode(),
                    entry.tests().stream().map(t -> new ExerciseTest(t.name(), t.statement(), t.hidden(), t.checks()))
                            .toList())));
        }
        Map<String, GradingReport> reports = new java.util.LinkedHashMap<>();
        for (var entry : running.entrySet()) {
            reports.put(entry.getKey(), entry.getValue().get(5, TimeUnit.MINUTES));
        }
        return reports;
    }

    @Test
    void everyReferenceSolutionPassesEveryOneOfItsTests() throws Exception {
        Map<String, GradingReport> reports = gradeAll(coding().stream()
                .collect(Collectors.toMap(BankEntry::id, BankEntry::solutionCode)));

        List<String> failing = new ArrayList<>();
        reports.forEach((id, report) -> {
            if (!report.allPassed()) {
                failing.add(id + ": " + report.verdict() + " " + report.testsPassed() + "/" + report.testsTotal());
            }
        });
        assertThat(failing).isEmpty();
        assertThat(reports).hasSize(474 + 40);
    }

    @Test
    void theStarterCodeOfEveryExerciseFailsAtLeastOneTest() throws Exception {
        Map<String, GradingReport> reports = gradeAll(coding().stream()
                .collect(Collectors.toMap(BankEntry::id, BankEntry::starterCode)));

        List<String> notFailing = reports.entrySet().stream()
                .filter(e -> e.getValue().verdict() != GradingVerdict.GRADED || e.getValue().allPassed())
                .map(e -> e.getKey() + ": " + e.getValue().verdict() + " " + e.getValue().testsPassed() + "/"
                        + e.getValue().testsTotal())
                .toList();
        assertThat(notFailing).isEmpty();
    }

    @Test
    void everyModuleHasBeginnersExercisesWithHiddenTestsAndFiveQuizQuestions() {
        for (LearningModule module : LearningModule.values()) {
            List<BankEntry> written = BANK.stream().filter(e -> e.module() == module && e.id().startsWith("lf-"))
                    .toList();
            List<BankEntry> quiz = BANK.stream().filter(e -> e.module() == module && e.kind() == ExerciseKind.MCQ)
                    .toList();
            assertThat(written).as(module.json()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(e -> {
                assertThat(e.tests()).anyMatch(t -> !t.hidden()).anyMatch(ExerciseTestCase::hidden);
                assertThat(e.tests()).filteredOn(ExerciseTestCase::hidden).allSatisfy(t -> assertThat(t.checks())
                        .isNotBlank());
                assertThat(e.hints()).hasSizeBetween(2, 3);
            });
            assertThat(quiz).as(module.json()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(q -> {
                assertThat(q.options()).extracting(QuizOption::id).contains(q.answerKey());
                assertThat(q.options()).allSatisfy(o -> assertThat(o.rationaleWrong() == null)
                        .as(q.id() + " option " + o.id()).isEqualTo(o.id().equals(q.answerKey())));
                assertThat(q.rationaleRight()).isNotBlank();
                assertThat(q.cognitiveLevel()).isNotNull();
                assertThat(q.difficulty()).isNotNull();
            });
        }
    }

    @Test
    void everyMbppExerciseHasATitleItsSignatureAnExampleAndHintsThatDoNotQuoteItsSolution() {
        assertThat(BANK).filteredOn(e -> e.id().startsWith("mbpp-")).hasSize(474).allSatisfy(e -> {
            assertThat(e.title()).isNotBlank();
            assertThat(e.description()).contains("def " + e.functionName()).contains("For example");
            assertThat(e.hints()).hasSizeBetween(2, 3);
            List<String> solutionLines = e.solutionCode().lines().map(String::strip)
                    .filter(line -> line.length() > 12 && !line.startsWith("def ") && !line.startsWith("import ")
                            && !line.startsWith("class ") && !line.startsWith("from ")
                            && !e.starterCode().contains(line))
                    .toList();
            for (String hint : e.hints()) {
                assertThat(solutionLines).as(e.id()).noneMatch(hint::contains);
            }
        });
    }
}
