package io.learnflow.debug.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnflow.feedback.StudentCode;
import io.learnflow.sandbox.ProgramRequest;
import io.learnflow.sandbox.ProgramResult;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxLimits;
import io.learnflow.sandbox.TestOutcome;
import io.learnflow.sandbox.TestStatus;
import io.learnflow.sandbox.TestSuiteResult;

/**
 * Tries one-token changes of the most suspicious lines against the tests, in a few sandbox runs (the variants of one
 * run share its interpreter, so a variant costs milliseconds, not a process). A change that makes every test pass
 * marks its line.
 */
final class MutationSearch {

    /** The best a line's changes did: one that passes every test (or null), else the best share of failing fixed. */
    record LineResult(Mutant fixing, double partial) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRIVER = driver();

    private final Sandbox sandbox;
    private final int maxMutants;
    private final Duration wallTime;

    MutationSearch(Sandbox sandbox, int maxMutants, Duration wallTime) {
        this.sandbox = sandbox;
        this.maxMutants = maxMutants;
        this.wallTime = wallTime;
    }

    CompletableFuture<Map<Integer, LineResult>> search(DebugProblem problem, TestSuiteResult suite,
            List<Integer> lines) {
        StudentCode code = new StudentCode(problem.code());
        List<Mutant> mutants = new ArrayList<>();
        for (int line : lines) {
            mutants.addAll(Mutants.of(code, line));
        }
        if (mutants.size() > maxMutants) {
            mutants = fairShare(lines, mutants);
        }
        if (mutants.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<Integer> failing = new ArrayList<>();
        List<Integer> passing = new ArrayList<>();
        List<Integer> timedOut = new ArrayList<>();
        List<Double> budgets = new ArrayList<>();
        double perTest = Math.max(0.2, Math.min(1.0, wallTime.toMillis() / 1000.0 / 8));
        for (TestOutcome test : suite.tests()) {
            if (FaultLocalizer.failed(test)) {
                failing.add(test.index());
                if (test.status() == TestStatus.TIMED_OUT) {
                    timedOut.add(test.index());
                }
            } else if (test.status() == TestStatus.PASSED) {
                passing.add(test.index());
            }
            budgets.add(test.status() == TestStatus.TIMED_OUT ? perTest / 2
                    : Math.min(perTest, 0.05 + 4 * test.millis() / 1000.0));
        }
        failing.sort((a, b) -> Long.compare(suite.tests().get(a).millis(), suite.tests().get(b).millis()));
        int runs = Math.max(1, Math.min(sandbox.config().poolSize(), mutants.size() / 8));
        List<List<Mutant>> chunks = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            chunks.add(new ArrayList<>());
        }
        for (int i = 0; i < mutants.size(); i++) {
            chunks.get(i % runs).add(mutants.get(i));
        }
        String[] lineTexts = problem.code().split("\n", -1);
        List<CompletableFuture<Map<Mutant, int[]>>> running = new ArrayList<>();
        for (List<Mutant> chunk : chunks) {
            running.add(run(problem, chunk, lineTexts, failing, passing, timedOut, budgets));
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Integer, LineResult> byLine = new HashMap<>();
            for (CompletableFuture<Map<Mutant, int[]>> chunk : running) {
                chunk.join().forEach((mutant, result) -> {
                    boolean fixesAll = result[0] == failing.size() && result[1] == 0;
                    double partial = result[1] == 0 && !failing.isEmpty() ? result[0] / (double) failing.size() : 0;
                    byLine.merge(mutant.line(), new LineResult(fixesAll ? mutant : null, partial), MutationSearch::best);
                });
            }
            return byLine;
        });
    }

    private static LineResult best(LineResult a, LineResult b) {
        if (a.fixing() != null) {
            return a;
        }
        if (b.fixing() != null) {
            return b;
        }
        return a.partial() >= b.partial() ? a : b;
    }

    /** Every line keeps a share of the budget, the higher-ranked ones first. */
    private List<Mutant> fairShare(List<Integer> lines, List<Mutant> mutants) {
        Map<Integer, List<Mutant>> byLine = new LinkedHashMap<>();
        lines.forEach(line -> byLine.put(line, new ArrayList<>()));
        mutants.forEach(m -> byLine.get(m.line()).add(m));
        List<Mutant> kept = new ArrayList<>();
        for (int round = 0; kept.size() < maxMutants; round++) {
            boolean any = false;
            for (List<Mutant> ofLine : byLine.values()) {
                if (round < ofLine.size() && kept.size() < maxMutants) {
                    kept.add(ofLine.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return kept;
    }

    private CompletableFuture<Map<Mutant, int[]>> run(DebugProblem problem, List<Mutant> chunk, String[] lineTexts,
            List<Integer> failing, List<Integer> passing, List<Integer> timedOut, List<Double> budgets) {
        String marker = "@@" + UUID.randomUUID() + "@@";
        ObjectNode spec = JSON.createObjectNode();
        spec.put("module", DebugProblem.MODULE);
        spec.put("setup", problem.setup());
        spec.put("marker", marker);
        spec.put("loadBudget", 1.0);
        ArrayNode tests = spec.putArray("tests");
        problem.tests().forEach(test -> test.writeTo(tests.addObject()));
        ArrayNode failingNode = spec.putArray("failing");
        failing.forEach(failingNode::add);
        ArrayNode passingNode = spec.putArray("passing");
        passing.forEach(passingNode::add);
        ArrayNode timedOutNode = spec.putArray("timedOut");
        timedOut.forEach(timedOutNode::add);
        ArrayNode budgetNode = spec.putArray("budgets");
        budgets.forEach(budgetNode::add);
        ArrayNode variants = spec.putArray("variants");
        for (int i = 0; i < chunk.size(); i++) {
            Mutant mutant = chunk.get(i);
            String[] changed = lineTexts.clone();
            changed[mutant.line() - 1] = mutant.changedLine();
            variants.addObject().put("id", i).put("source", String.join("\n", changed));
        }
        Map<String, String> files = new HashMap<>(problem.otherFiles());
        files.put("mutants_driver.py", DRIVER);
        files.put(DebugProblem.MODULE, problem.code());
        SandboxLimits limits = sandbox.config().limits().withCpuTime(wallTime).withWallTime(wallTime);
        return sandbox.run(new ProgramRequest(files, "mutants_driver.py", spec.toString(), List.of(), limits))
                .thenApply(result -> read(result, marker, chunk));
    }

    private static Map<Mutant, int[]> read(ProgramResult result, String marker, List<Mutant> chunk) {
        Map<Mutant, int[]> found = new HashMap<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.startsWith(marker)) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line.substring(marker.length()));
                int id = node.path("id").asInt(-1);
                if (id >= 0 && id < chunk.size()) {
                    found.put(chunk.get(id), new int[] {node.path("fixed").asInt(), node.path("broke").asBoolean() ? 1 : 0});
                }
            } catch (IOException e) {
                // a line cut by the output limit: that variant counts as not tried
            }
        }
        return found;
    }

    private static String driver() {
        try (InputStream in = MutationSearch.class.getResourceAsStream("mutants.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
