package io.learnflow.debug.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnflow.debug.ai.LeakGuard;
import io.learnflow.debug.ai.DebugHints;
import io.learnflow.debug.service.AnalysisSettings;
import io.learnflow.debug.service.CodeAnalysis;
import io.learnflow.debug.service.Diagnosis;
import io.learnflow.debug.service.SpectrumFormula;
import io.learnflow.debug.service.SuspiciousLine;
import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;

/**
 * {@code ./learnflow eval-debug DIR [--json FILE] [--formula ochiai|dstar] [--no-mutation]}: runs the debug
 * service's analysis on every program of a folder in QuixBugs' layout and prints, per program, the ranked lines and
 * the rank of the buggy line (a tie counts at its worst rank), then the top-1 and top-3 hit rates, the time per
 * program (p50, p95) and the leak check: no hint of the ladder may contain the fixed line.
 */
public final class EvaluateDebug {

    private EvaluateDebug() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: ./learnflow eval-debug DIR [--json FILE] [--formula ochiai|dstar] [--no-mutation]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        List<String> options = Arrays.asList(args).subList(1, args.length);
        Path json = option(options, "--json").map(Path::of).orElse(null);
        AnalysisSettings settings = AnalysisSettings.defaults();
        settings = settings.withFormula(SpectrumFormula.valueOf(
                option(options, "--formula").orElse("ochiai").toUpperCase(Locale.ROOT)));
        if (options.contains("--no-mutation")) {
            settings = settings.withoutMutation();
        }
        if (!Files.isDirectory(folder.resolve("python_programs"))) {
            System.err.println(folder + " has no python_programs/ folder (QuixBugs' layout)");
            System.exit(2);
        }
        List<QuixBugsProgram> programs = QuixBugsProgram.all(folder);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode report = mapper.createObjectNode();
        ArrayNode perProgram = report.putArray("programs");
        List<Long> millis = new ArrayList<>();
        int top1 = 0;
        int top3 = 0;
        int leaks = 0;
        try (Sandbox sandbox = new Sandbox(SandboxConfig.defaults())) {
            CodeAnalysis analysis = new CodeAnalysis(sandbox, settings, new NoviceErrorCatalogue());
            if (!programs.isEmpty()) {
                analysis.analyse(programs.get(0).problem()).get(2, TimeUnit.MINUTES);
            }
            for (QuixBugsProgram program : programs) {
                long started = System.nanoTime();
                Diagnosis diagnosis;
                try {
                    diagnosis = analysis.analyse(program.problem()).get(2, TimeUnit.MINUTES);
                } catch (ExecutionException | TimeoutException e) {
                    System.out.printf(Locale.ROOT, "%-28s not analysed: %s%n", program.name(), e);
                    millis.add((System.nanoTime() - started) / 1_000_000);
                    perProgram.addObject().put("program", program.name()).putNull("rank").put("error", e.toString());
                    continue;
                }
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                millis.add(elapsed);
                Integer rank = worstRank(diagnosis.ranked(), program);
                top1 += rank != null && rank <= 1 ? 1 : 0;
                top3 += rank != null && rank <= 3 ? 1 : 0;
                List<String> leaked = LeakGuard.leaks(DebugHints.allSteps(diagnosis, program.buggy()),
                        program.fixedLines(), program.buggy());
                leaks += leaked.isEmpty() ? 0 : 1;
                String ranked = diagnosis.ranked().stream().limit(5)
                        .map(l -> l.line() + (l.fixingMutant() != null ? "*" : "") + String.format(Locale.ROOT,
                                "(%.2f)", l.score()))
                        .collect(Collectors.joining(" "));
                System.out.printf(Locale.ROOT, "%-28s buggy %-8s rank %-4s %5d ms  tests %d/%d  %s  lines %s%n",
                        program.name(), program.buggyLines().stream().map(String::valueOf)
                                .collect(Collectors.joining(",")), rank == null ? "-" : rank, elapsed,
                        diagnosis.testsPassed(), diagnosis.testsTotal(),
                        diagnosis.finding() != null ? diagnosis.finding().error().id() : diagnosis.outcome(), ranked);
                ObjectNode entry = perProgram.addObject();
                entry.put("program", program.name());
                ArrayNode buggyLines = entry.putArray("buggyLines");
                program.buggyLines().forEach(buggyLines::add);
                if (rank == null) {
                    entry.putNull("rank");
                } else {
                    entry.put("rank", rank);
                }
                entry.put("millis", elapsed);
                entry.put("outcome", diagnosis.outcome().name());
                entry.put("leaks", leaked.size());
                ArrayNode leakedLines = entry.putArray("leaked");
                leaked.forEach(leakedLines::add);
                ArrayNode lines = entry.putArray("ranked");
                diagnosis.ranked().forEach(l -> lines.addObject().put("line", l.line()).put("score", l.score())
                        .put("spectrum", l.spectrum()).put("mutantFixes", l.fixingMutant() != null));
            }
        }
        int n = programs.size();
        List<Long> sorted = millis.stream().sorted().toList();
        long p50 = percentile(sorted, 50);
        long p95 = percentile(sorted, 95);
        System.out.printf(Locale.ROOT, "programs %d%n", n);
        System.out.printf(Locale.ROOT, "top-1 %.2f%n", n == 0 ? 0 : top1 / (double) n);
        System.out.printf(Locale.ROOT, "top-3 %.2f%n", n == 0 ? 0 : top3 / (double) n);
        System.out.printf(Locale.ROOT, "p50-ms %d%n", p50);
        System.out.printf(Locale.ROOT, "p95-ms %d%n", p95);
        System.out.printf(Locale.ROOT, "leaks %d%n", leaks);
        report.put("formula", settings.formula().name().toLowerCase(Locale.ROOT));
        report.put("mutation", settings.linesToMutate() > 0);
        report.put("programCount", n);
        report.put("top1", n == 0 ? 0 : top1 / (double) n);
        report.put("top3", n == 0 ? 0 : top3 / (double) n);
        report.put("p50Millis", p50);
        report.put("p95Millis", p95);
        report.put("leaks", leaks);
        if (json != null) {
            mapper.writeValue(json.toFile(), report);
        }
    }

    /** The rank of the best buggy line, counting every line scored as high as it ahead of it; null if unranked. */
    static Integer worstRank(List<SuspiciousLine> ranked, QuixBugsProgram program) {
        Integer best = null;
        for (SuspiciousLine line : ranked) {
            if (program.buggyLines().contains(line.line())) {
                int rank = (int) ranked.stream().filter(other -> other.score() >= line.score()).count();
                best = best == null ? rank : Math.min(best, rank);
            }
        }
        return best;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static java.util.Optional<String> option(List<String> options, String name) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? java.util.Optional.of(options.get(at + 1))
                : java.util.Optional.empty();
    }
}
