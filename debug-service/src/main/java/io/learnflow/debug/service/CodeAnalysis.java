package io.learnflow.debug.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.learnflow.feedback.Finding;
import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.feedback.Observation;
import io.learnflow.feedback.StudentCode;
import io.learnflow.sandbox.Limit;
import io.learnflow.sandbox.ProgramRequest;
import io.learnflow.sandbox.ProgramResult;
import io.learnflow.sandbox.RunStatus;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxLimits;
import io.learnflow.sandbox.TestCase;
import io.learnflow.sandbox.TestOutcome;
import io.learnflow.sandbox.TestStatus;
import io.learnflow.sandbox.TestSuiteRequest;
import io.learnflow.sandbox.TestSuiteResult;

/**
 * Runs the student's code and its tests in the sandbox, says what happened, and localises the fault: spectrum scores
 * over the tests' coverage, the exceptions' lines, and a one-token mutation search on the top lines. The debug tutor
 * and {@code ./learnflow eval-debug} run exactly this.
 */
public final class CodeAnalysis {

    private final Sandbox sandbox;
    private final AnalysisSettings settings;
    private final NoviceErrorCatalogue catalogue;
    private final MutationSearch mutation;

    public CodeAnalysis(Sandbox sandbox, AnalysisSettings settings, NoviceErrorCatalogue catalogue) {
        this.sandbox = sandbox;
        this.settings = settings;
        this.catalogue = catalogue;
        this.mutation = new MutationSearch(sandbox, settings.maxMutants(), settings.mutationTime());
    }

    public CompletableFuture<Diagnosis> analyse(DebugProblem problem) {
        Map<String, String> files = new HashMap<>(problem.otherFiles());
        files.put(DebugProblem.MODULE, problem.code());
        SandboxLimits programLimits = sandbox.config().limits().withCpuTime(settings.programTime())
                .withWallTime(settings.programTime());
        CompletableFuture<ProgramResult> program = sandbox.run(new ProgramRequest(files, DebugProblem.MODULE,
                problem.stdin(), List.of(), programLimits));
        CompletableFuture<TestSuiteResult> suite = problem.hasTests()
                ? sandbox.runTests(new TestSuiteRequest(files, DebugProblem.MODULE, problem.setup(), problem.tests(),
                        settings.perTestBudget(), sandbox.config().limits().withCpuTime(settings.suiteTime())
                                .withWallTime(settings.suiteTime()), true))
                : CompletableFuture.completedFuture(null);
        return program.thenCombine(suite, Runs::new).thenCompose(runs -> {
            String notRun = notRun(runs);
            if (notRun != null) {
                return CompletableFuture.completedFuture(notRunDiagnosis(problem, notRun));
            }
            Observation observation = Observation.of(problem.code(), runs.program(), runs.suite());
            if (observation.hung() && !problem.hasTests()) {
                return hangLine(problem, files).thenApply(line -> finish(problem, observation.withHangLine(line),
                        runs.suite(), List.of()));
            }
            List<SuspiciousLine> ranked = runs.suite() == null ? List.of()
                    : FaultLocalizer.rank(runs.suite(), settings.formula(), codeLines(problem.code()));
            if (ranked.isEmpty() || settings.linesToMutate() == 0) {
                return CompletableFuture.completedFuture(finish(problem, observation, runs.suite(), ranked));
            }
            return mutation.search(problem, runs.suite(), linesToMutate(ranked))
                    .thenApply(found -> finish(problem, observation, runs.suite(),
                            FaultLocalizer.withMutants(ranked, found)));
        });
    }

    private record Runs(ProgramResult program, TestSuiteResult suite) {
    }

    private static String notRun(Runs runs) {
        for (ProgramResult run : runs.suite() == null ? List.of(runs.program())
                : List.of(runs.program(), runs.suite().run())) {
            if (run.status() == RunStatus.BUSY || run.status() == RunStatus.SANDBOX_ERROR) {
                return run.message() != null ? run.message() : run.status().name();
            }
        }
        return null;
    }

    /** The top lines, and any tied with the last of them (a tie is not broken by the order of line numbers). */
    private List<Integer> linesToMutate(List<SuspiciousLine> ranked) {
        List<Integer> lines = new ArrayList<>();
        double cutoff = ranked.get(Math.min(settings.linesToMutate(), ranked.size()) - 1).score();
        for (SuspiciousLine line : ranked) {
            if (lines.size() < settings.linesToMutate()
                    || (line.score() >= cutoff && lines.size() < 2 * settings.linesToMutate())) {
                lines.add(line.line());
            }
        }
        return lines;
    }

    /** A run that did not end: the program once more under a tracer, to learn the line its time ran out on. */
    private CompletableFuture<Integer> hangLine(DebugProblem problem, Map<String, String> files) {
        return sandbox.runTests(new TestSuiteRequest(files, DebugProblem.MODULE, null,
                        List.of(new TestCase.StdioTest(problem.stdin(), "")), settings.perTestBudget(), null, true))
                .thenApply(probe -> probe.tests().get(0).error() != null ? probe.tests().get(0).error().line() : null);
    }

    private Diagnosis finish(DebugProblem problem, Observation observation, TestSuiteResult suite,
            List<SuspiciousLine> ranked) {
        Finding finding = catalogue.diagnose(observation, clearSuspect(ranked)).orElse(null);
        Diagnosis.Outcome outcome = outcome(observation);
        Integer location = observation.errorLine() != null ? observation.errorLine() : observation.hangLine();
        if (!ranked.isEmpty()) {
            location = ranked.get(0).line();
        } else if (finding != null && finding.line() != null) {
            location = finding.line();
        }
        int passed = suite == null ? 0 : (int) suite.count(TestStatus.PASSED);
        int total = suite == null ? 0 : suite.total();
        return new Diagnosis(outcome, observation, finding, ranked, outcome == Diagnosis.Outcome.NO_FAILURE ? null
                : location, confidence(ranked, location, observation, outcome), passed, total,
                firstWrong(problem, suite), null);
    }

    /** The top line when it stands out: a change of it passes every test, or it scores above every other line. */
    private static Integer clearSuspect(List<SuspiciousLine> ranked) {
        if (ranked.isEmpty()) {
            return null;
        }
        SuspiciousLine top = ranked.get(0);
        boolean alone = ranked.size() == 1 || ranked.get(1).score() < top.score();
        return top.fixingMutant() != null || alone ? top.line() : null;
    }

    private Diagnosis notRunDiagnosis(DebugProblem problem, String why) {
        Observation nothing = new Observation(new StudentCode(problem.code()), null, "", "", null, false, null,
                List.of(), 0, 0);
        return new Diagnosis(Diagnosis.Outcome.NOT_RUN, nothing, null, List.of(), null, 0, 0, 0, null, why);
    }

    static Diagnosis.Outcome outcome(Observation observation) {
        if (observation.limit() == Limit.MEMORY || observation.limit() == Limit.OUTPUT) {
            return Diagnosis.Outcome.LIMIT;
        }
        if (observation.hung()) {
            return Diagnosis.Outcome.HANG;
        }
        if (observation.error() != null) {
            return Diagnosis.Outcome.EXCEPTION;
        }
        if (!observation.wrongResults().isEmpty() || observation.limit() != null) {
            return Diagnosis.Outcome.WRONG_RESULT;
        }
        return Diagnosis.Outcome.NO_FAILURE;
    }

    private static double confidence(List<SuspiciousLine> ranked, Integer location, Observation observation,
            Diagnosis.Outcome outcome) {
        if (outcome == Diagnosis.Outcome.NO_FAILURE) {
            return 1.0;
        }
        if (!ranked.isEmpty()) {
            SuspiciousLine top = ranked.get(0);
            long tied = ranked.stream().filter(l -> l.score() == top.score()).count();
            double base = top.fixingMutant() != null ? 0.9 : 0.3 + 0.4 * top.spectrum();
            return Math.min(1.0, base / tied);
        }
        if (location != null && observation.error() != null) {
            return 0.7;
        }
        return location != null ? 0.5 : 0.2;
    }

    private static Diagnosis.WrongTest firstWrong(DebugProblem problem, TestSuiteResult suite) {
        if (suite == null) {
            return null;
        }
        for (TestOutcome test : suite.tests()) {
            if (test.status() == TestStatus.FAILED) {
                return new Diagnosis.WrongTest(problem.tests().get(test.index()), test.expected(), test.actual());
            }
        }
        return null;
    }

    private static Set<Integer> codeLines(String code) {
        Set<Integer> lines = new HashSet<>();
        String[] all = code.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}
