package io.learnflow.progress.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.model.LearningModule;
import io.learnflow.progress.tracing.BktFit;
import io.learnflow.progress.tracing.BktParameters;
import io.learnflow.progress.tracing.SimulatedStudents;

/**
 * {@code ./learnflow progress fit-bkt}: fits each module's BKT parameters by EM on a share of the students, and
 * compares, on the students held out, how well BKT and the old rule ({@code successes / (attempts + 2)}) rank the
 * next attempt's success (AUC). Evidence comes from the progress schema ({@code --db}), a JSONL export
 * ({@code --jsonl}, one attempt a line: {@code studentId}, {@code module}, {@code correct}, optional
 * {@code occurredAt}) or simulated students ({@code --simulate N}).
 */
public final class FitBkt {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final BktParameters SIMULATED_TRUTH = new BktParameters(0.30, 0.12, 0.20, 0.10);
    private static final int SIMULATED_ATTEMPTS = 20;

    record Attempt(String student, LearningModule module, boolean correct, Instant occurredAt) {
    }

    record Options(Path jsonl, String db, String user, String password, int simulate, double holdOut, long seed,
            boolean save) {
    }

    private FitBkt() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: fit-bkt [--db JDBC_URL [--user U] [--password P] [--save] | --jsonl FILE"
                    + " | --simulate N] [--hold-out 0.2] [--seed 1]");
            System.exit(2);
            return;
        }
        List<Attempt> attempts;
        String source;
        if (options.jsonl() != null) {
            attempts = readJsonl(options.jsonl());
            source = "jsonl " + options.jsonl();
        } else if (options.simulate() > 0) {
            attempts = simulate(options.simulate(), new Random(options.seed()));
            source = "simulated " + options.simulate();
        } else {
            attempts = readDatabase(options);
            source = "database " + options.db();
        }
        Map<LearningModule, BktParameters> fitted = run(attempts, options.holdOut(), options.seed(), source,
                System.out);
        if (options.save() && options.db() != null && !fitted.isEmpty()) {
            save(options, fitted);
            System.out.printf(Locale.ROOT, "%-18s %d%n", "modules-saved", fitted.size());
        }
    }

    /** Prints the figures and returns the parameters fitted on the training students, per module with evidence. */
    static Map<LearningModule, BktParameters> run(List<Attempt> attempts, double holdOut, long seed, String source,
            PrintStream out) {
        Map<String, Map<LearningModule, List<Attempt>>> byStudent = new TreeMap<>();
        attempts.forEach(a -> byStudent.computeIfAbsent(a.student(), s -> new EnumMap<>(LearningModule.class))
                .computeIfAbsent(a.module(), m -> new ArrayList<>()).add(a));
        byStudent.values().forEach(modules -> modules.values().forEach(list -> list.sort((x, y) ->
                x.occurredAt() == null || y.occurredAt() == null ? 0 : x.occurredAt().compareTo(y.occurredAt()))));
        List<String> students = new ArrayList<>(byStudent.keySet());
        Collections.shuffle(students, new Random(seed));
        int testCount = (int) Math.round(students.size() * holdOut);
        List<String> test = students.subList(0, testCount);
        List<String> train = students.subList(testCount, students.size());

        out.printf(Locale.ROOT, "%-18s %s%n", "source", source);
        out.printf(Locale.ROOT, "%-18s %d%n", "attempts", attempts.size());
        out.printf(Locale.ROOT, "%-18s %d%n", "students", students.size());
        out.printf(Locale.ROOT, "%-18s %d%n", "train-students", train.size());
        out.printf(Locale.ROOT, "%-18s %d%n", "test-students", test.size());

        Map<LearningModule, BktParameters> fitted = new EnumMap<>(LearningModule.class);
        for (LearningModule module : LearningModule.values()) {
            List<boolean[]> sequences = sequences(byStudent, train, module);
            if (sequences.isEmpty()) {
                continue;
            }
            BktFit.Result result = BktFit.fit(sequences, BktParameters.DEFAULTS, 1e-6);
            BktParameters p = result.parameters();
            fitted.put(module, p);
            out.printf(Locale.ROOT, "module %-12s prior %.3f learn %.3f guess %.3f slip %.3f sequences %d attempts %d"
                    + " iterations %d log-likelihood %.1f%n", module.json(), p.prior(), p.learn(), p.guess(), p.slip(),
                    result.sequences(), result.attempts(), result.iterations(), result.logLikelihood());
        }

        Auc bkt = new Auc();
        Auc oldRule = new Auc();
        for (LearningModule module : fitted.keySet()) {
            BktParameters p = fitted.get(module);
            for (boolean[] sequence : sequences(byStudent, test, module)) {
                double known = p.prior();
                int successes = 0;
                for (int t = 0; t < sequence.length; t++) {
                    bkt.add(p.successChance(known), sequence[t]);
                    oldRule.add((double) successes / (t + 2), sequence[t]);
                    known = p.update(known, sequence[t]);
                    successes += sequence[t] ? 1 : 0;
                }
            }
        }
        out.printf(Locale.ROOT, "%-18s %d%n", "test-predictions", bkt.size());
        out.printf(Locale.ROOT, "%-18s %.3f%n", "auc-bkt", bkt.value());
        out.printf(Locale.ROOT, "%-18s %.3f%n", "auc-old-rule", oldRule.value());
        return fitted;
    }

    private static List<boolean[]> sequences(Map<String, Map<LearningModule, List<Attempt>>> byStudent,
            List<String> students, LearningModule module) {
        List<boolean[]> sequences = new ArrayList<>();
        for (String student : students) {
            List<Attempt> list = byStudent.get(student).get(module);
            if (list == null || list.isEmpty()) {
                continue;
            }
            boolean[] outcomes = new boolean[list.size()];
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = list.get(i).correct();
            }
            sequences.add(outcomes);
        }
        return sequences;
    }

    static List<Attempt> simulate(int students, Random random) {
        List<Attempt> attempts = new ArrayList<>();
        List<boolean[]> sequences = SimulatedStudents.draw(SIMULATED_TRUTH, students, SIMULATED_ATTEMPTS, random);
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        for (int s = 0; s < sequences.size(); s++) {
            boolean[] outcomes = sequences.get(s);
            for (int t = 0; t < outcomes.length; t++) {
                attempts.add(new Attempt("simulated-" + s, LearningModule.LOOPS, outcomes[t], start.plusSeconds(60L * t)));
            }
        }
        return attempts;
    }

    static List<Attempt> readJsonl(Path file) throws IOException {
        List<Attempt> attempts = new ArrayList<>();
        int line = 0;
        for (String text : Files.readAllLines(file)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(text);
            if (!node.hasNonNull("studentId") || !node.hasNonNull("module") || !node.hasNonNull("correct")) {
                throw new IllegalArgumentException(file + ":" + line + ": needs studentId, module and correct");
            }
            Instant at = node.hasNonNull("occurredAt") ? Instant.parse(node.get("occurredAt").asText()) : null;
            attempts.add(new Attempt(node.get("studentId").asText(), LearningModule.fromJson(node.get("module")
                    .asText()), node.get("correct").asBoolean(), at));
        }
        return attempts;
    }

    static List<Attempt> readDatabase(Options options) throws SQLException {
        List<Attempt> attempts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(options.db(), options.user(), options.password());
                PreparedStatement query = connection.prepareStatement("SELECT student_id, module, correct, occurred_at"
                        + " FROM progress.interaction WHERE evidence ORDER BY student_id, module, occurred_at");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                attempts.add(new Attempt(rows.getString(1), LearningModule.valueOf(rows.getString(2)),
                        rows.getBoolean(3), rows.getTimestamp(4).toInstant()));
            }
        }
        return attempts;
    }

    static void save(Options options, Map<LearningModule, BktParameters> fitted) throws SQLException {
        try (Connection connection = DriverManager.getConnection(options.db(), options.user(), options.password());
                PreparedStatement update = connection.prepareStatement("UPDATE progress.bkt_parameters SET prior = ?,"
                        + " learn = ?, guess = ?, slip = ?, source = 'fit', updated_at = now() WHERE module = ?")) {
            for (Map.Entry<LearningModule, BktParameters> entry : fitted.entrySet()) {
                BktParameters p = entry.getValue();
                update.setDouble(1, p.prior());
                update.setDouble(2, p.learn());
                update.setDouble(3, p.guess());
                update.setDouble(4, p.slip());
                update.setString(5, entry.getKey().name());
                update.executeUpdate();
            }
        }
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean save = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--save")) {
                save = true;
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                values.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        for (String key : values.keySet()) {
            if (!List.of("--db", "--user", "--password", "--jsonl", "--simulate", "--hold-out", "--seed")
                    .contains(key)) {
                throw new IllegalArgumentException("unknown option: " + key);
            }
        }
        Path jsonl = values.containsKey("--jsonl") ? Path.of(values.get("--jsonl")) : null;
        int simulate = Integer.parseInt(values.getOrDefault("--simulate", "0"));
        String db = values.get("--db");
        if (jsonl == null && simulate <= 0 && db == null) {
            throw new IllegalArgumentException("say where the evidence is: --db, --jsonl or --simulate");
        }
        double holdOut = Double.parseDouble(values.getOrDefault("--hold-out", "0.2"));
        if (!(holdOut > 0 && holdOut < 1)) {
            throw new IllegalArgumentException("--hold-out must be within (0, 1)");
        }
        return new Options(jsonl, db, values.getOrDefault("--user", "postgres"),
                values.getOrDefault("--password", "postgres"), simulate, holdOut,
                Long.parseLong(values.getOrDefault("--seed", "1")), save);
    }
}
