package io.learnflow.stack.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chaos run's options. The grace period outlasts triage's re-drive (a query whose delivery a fault lost is sent
 * again after 60 s, up to three times), so that "never finished" means lost, not late.
 */
public record ChaosOptions(double rate, int duration, int students, int grace, List<String> kill,
        boolean restartKafka, boolean restartPostgres, boolean poison, Path ready, Path control) {

    private static final List<String> KILLABLE = List.of("concepts", "debug", "exercise", "progress", "triage");
    private static final Set<String> KNOWN = Set.of("rate", "duration", "students", "grace", "kill",
            "restart-kafka", "restart-postgres", "poison", "ready", "control");

    public ChaosOptions {
        kill = List.copyOf(kill);
        for (String service : kill) {
            if (!KILLABLE.contains(service)) {
                throw usage("--kill names services of " + KILLABLE + ", not '" + service + "'");
            }
        }
    }

    public static ChaosOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !KNOWN.contains(args[i].substring(2))) {
                throw usage("unexpected '" + args[i] + "'");
            }
            given.put(args[i].substring(2), args[++i]);
        }
        double rate = number(given, "rate", "50");
        int duration = (int) number(given, "duration", "120");
        if (rate <= 0 || duration <= 0) {
            throw usage("--rate and --duration must be positive");
        }
        int students = (int) number(given, "students", String.valueOf(Math.max(20, (int) Math.ceil(rate * 1.5))));
        String kill = given.getOrDefault("kill", "concepts,debug,exercise,progress");
        return new ChaosOptions(rate, duration, students, (int) number(given, "grace", "240"),
                kill.isBlank() || kill.equals("none") ? List.of() : List.of(kill.split(",")),
                yes(given, "restart-kafka"), yes(given, "restart-postgres"), yes(given, "poison"),
                Path.of(given.getOrDefault("ready", ".learnflow/ready")),
                Path.of(given.getOrDefault("control", ".learnflow/control")));
    }

    private static boolean yes(Map<String, String> given, String name) {
        String text = given.getOrDefault(name, "yes");
        if (!text.equals("yes") && !text.equals("no")) {
            throw usage("--" + name + " is yes or no");
        }
        return text.equals("yes");
    }

    private static double number(Map<String, String> given, String name, String fallback) {
        return CommandOptions.number(given, name, fallback, ChaosOptions::usage);
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; usage: ./learnflow chaos [--rate R] [--duration S]"
                + " [--students N] [--grace S] [--kill SERVICE,...|none] [--restart-kafka yes|no]"
                + " [--restart-postgres yes|no] [--poison yes|no]");
    }
}
