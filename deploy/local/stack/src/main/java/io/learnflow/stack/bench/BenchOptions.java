package io.learnflow.stack.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The bench's options, with the defaults the README's figures were taken with. */
record BenchOptions(double rate, int duration, int students, String streams, String mix, Path out, int grace,
        Path ready, long launcherPid) {

    private static final List<String> STREAMS = List.of("sse", "poll", "none");
    private static final List<String> MIXES = List.of("study", "exercise");

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw usage("unexpected '" + args[i] + "'");
            }
            given.put(args[i].substring(2), args[++i]);
        }
        double rate = number(given, "rate", "50");
        if (rate <= 0) {
            throw usage("--rate must be positive");
        }
        int duration = (int) number(given, "duration", "30");
        // a student may send 60 queries a minute: enough students that the offered rate is not refused with 429
        int students = (int) number(given, "students", String.valueOf(Math.max(20, (int) Math.ceil(rate * 1.5))));
        String streams = given.getOrDefault("streams", "sse");
        if (!STREAMS.contains(streams)) {
            throw usage("--streams is one of " + STREAMS);
        }
        String mix = given.getOrDefault("mix", "study");
        if (!MIXES.contains(mix)) {
            throw usage("--mix is one of " + MIXES);
        }
        return new BenchOptions(rate, duration, students, streams, mix,
                Path.of(given.getOrDefault("out", ".learnflow/bench")),
                (int) number(given, "grace", "30"), Path.of(given.getOrDefault("ready", ".learnflow/ready")),
                (long) number(given, "launcher-pid", "0"));
    }

    private static double number(Map<String, String> given, String name, String fallback) {
        return CommandOptions.number(given, name, fallback, BenchOptions::usage);
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; usage: ./learnflow bench [--rate R] [--duration S]"
                + " [--students N] [--streams sse|poll|none] [--mix study|exercise] [--out DIR] [--grace S]");
    }
}
