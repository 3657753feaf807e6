package io.learnflow.stack.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The bench's figures: throughput, latencies, refusals, unfinished queries and CPU per answered query. */
record BenchReport(BenchOptions options, int offered, int accepted, long answered, long failed, long neverFinished,
        Map<Integer, Long> refusedByStatus, double answeredPerSecond, Percentiles post, Percentiles answer,
        Map<String, Double> cpuMillisPerAnswered, double cpuMillisPerAnsweredTotal, double wallSeconds) {

    record Percentiles(double p50, double p95, double p99, double max) {

        static Percentiles of(List<QueryTrace> traces, ToDoubleFunction<QueryTrace> value) {
            double[] sorted = traces.stream().mapToDouble(value).filter(v -> v >= 0).sorted().toArray();
            if (sorted.length == 0) {
                return new Percentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Percentiles(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1]);
        }

        private static double at(double[] sorted, double quantile) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
        }
    }

    static BenchReport of(BenchOptions options, List<QueryTrace> traces, long start, double wallSeconds,
            Map<String, Double> cpuBefore, Map<String, Double> cpuAfter) {
        List<QueryTrace> accepted = traces.stream().filter(QueryTrace::accepted).toList();
        long answered = accepted.stream().filter(t -> "completed".equals(t.finalStatus)).count();
        long failed = accepted.stream().filter(t -> "failed".equals(t.finalStatus)).count();
        Map<Integer, Long> refused = new TreeMap<>();
        traces.stream().filter(t -> !t.accepted()).forEach(t -> refused.merge(t.postStatus, 1L, Long::sum));
        double lastAnswer = accepted.stream().filter(QueryTrace::finished)
                .mapToDouble(t -> (t.sentAtNanos - start) / 1e9 + t.answerMillis / 1e3).max().orElse(wallSeconds);
        Map<String, Double> perAnswered = new LinkedHashMap<>();
        double total = 0;
        for (var entry : cpuAfter.entrySet()) {
            double used = entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0.0);
            double each = answered == 0 ? Double.NaN : used / answered;
            perAnswered.put(entry.getKey(), each);
            total += each;
        }
        return new BenchReport(options, traces.size(), accepted.size(), answered, failed,
                accepted.size() - answered - failed, refused, answered / Math.max(lastAnswer, 1e-9),
                Percentiles.of(traces, t -> t.accepted() ? t.postMillis : -1),
                Percentiles.of(accepted, t -> t.finished() ? t.answerMillis : -1), perAnswered, total, wallSeconds);
    }

    void print(PrintStream out) {
        out.printf("offered: %d queries at %.0f/s for %d s (%d students, mix %s, streams %s)%n", offered,
                options.rate(), options.duration(), options.students(), options.mix(), options.streams());
        out.printf("accepted: %d%n", accepted);
        out.printf("refused: %d %s%n", offered - accepted, refusedByStatus);
        out.printf("answered: %d%n", answered);
        out.printf("failed: %d%n", failed);
        out.printf("never finished: %d%n", neverFinished);
        out.printf("throughput: %.1f answered/s%n", answeredPerSecond);
        out.printf("POST ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", post.p50, post.p95, post.p99, post.max);
        out.printf("POST to answer ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", answer.p50, answer.p95, answer.p99,
                answer.max);
        out.printf("CPU ms per answered query: %.2f (%s)%n", cpuMillisPerAnsweredTotal,
                String.join(", ", cpuMillisPerAnswered.entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format("%.2f", e.getValue())).toList()));
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate", options.rate());
        json.put("durationSeconds", options.duration());
        json.put("students", options.students());
        json.put("streams", options.streams());
        json.put("mix", options.mix());
        json.put("offered", offered);
        json.put("accepted", accepted);
        json.put("refusedByStatus", refusedByStatus);
        json.put("answered", answered);
        json.put("failed", failed);
        json.put("neverFinished", neverFinished);
        json.put("answeredPerSecond", answeredPerSecond);
        json.put("postMillis", post);
        json.put("answerMillis", answer);
        json.put("cpuMillisPerAnswered", cpuMillisPerAnswered);
        json.put("cpuMillisPerAnsweredTotal", cpuMillisPerAnsweredTotal);
        json.put("wallSeconds", wallSeconds);
        return json;
    }
}
