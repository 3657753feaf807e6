package io.learnflow.triage.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.learnflow.model.QueryType;
import io.learnflow.specialist.service.HandBackRules;
import io.learnflow.triage.classification.ClassifierDefaults;
import io.learnflow.triage.classification.EmbeddedClassifier;
import io.learnflow.triage.classification.LabelledMessage;
import io.learnflow.triage.classification.OpenAiChatClassifier;
import io.learnflow.triage.classification.QueryClassifier;
import io.learnflow.triage.classification.StudentMessage;
import io.learnflow.triage.classification.TrainingSets;
import io.learnflow.triage.classification.TriageModel;

/**
 * {@code ./learnflow eval-triage}: scores the triage classifier on a labelled JSON Lines file, in this process, with no
 * Kafka or database; or, with {@code --cross-validate}, reports the embedded model's cross-validated figures on the
 * shipped dev sets and the honest estimate ({@link HonestEstimate}). Each score comes with the accuracy after one
 * hand-back, by the specialists' own {@link HandBackRules}.
 */
public final class EvaluateTriage {

    private static final String USAGE = """
            usage: ./learnflow eval-triage FILE.jsonl [--mode embedded|openai] [--clarify-below P] [--early-exit P]
                   ./learnflow eval-triage --cross-validate [--repeats N] [--clarify-below P] [--early-exit P]
              FILE.jsonl      one JSON object per line with "text" and "label" (concept, debug, exercise, other);
                              lines with "source":"ta" or "ambiguous":true are skipped
              --mode          embedded (default, offline) or openai (needs OPENAI_API_KEY; OPENAI_BASE_URL and
                              OPENAI_MODEL are optional; falls back to embedded on errors and after 5 s)
              --clarify-below confidence under which triage asks a clarifying question (default %s)
              --early-exit    probability from which words and signals decide without MiniLM (default %s)
              --cross-validate  %d-fold cross-validated figures of the embedded model on the shipped dev sets,
                              then the honest estimate: nested, grouped cross-validation (every tuned choice
                              picked by inner folds only) and a model trained on the other sources only
              --repeats       how many ways the folds are drawn, pooled (default %d; about a minute each)
            Every score is followed by the accuracy after one hand-back (the specialists' own hand-back rules).
            """.formatted(ClassifierDefaults.CLARIFY_BELOW, ClassifierDefaults.EARLY_EXIT, CrossValidation.FOLDS,
            CrossValidation.REPETITIONS);

    private static final int WARM_UP = 300;
    /** Where a message ends up after its first route, by the specialists' own hand-back rules. */
    private static final BiFunction<String, QueryType, QueryType> SECOND_ROUTE = (text, routed) -> HandBackRules
            .secondRoute(routed, text, null, null);
    private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());
    private static final Duration OPENAI_TIMEOUT = Duration.ofSeconds(5);

    private EvaluateTriage() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command; returns its exit status: 0, 1 on a bad file or environment, 2 on bad arguments. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            if (options.crossValidate()) {
                crossValidate(out, err, options);
            } else {
                evaluate(out, err, options, environment);
            }
            return 0;
        } catch (UsageException e) {
            err.println("eval-triage: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("eval-triage: " + e.getMessage());
            return 1;
        }
    }

    private static void evaluate(PrintStream out, PrintStream err, Options options, Map<String, String> environment)
            throws IOException {
        List<LabelledMessage> messages;
        try (InputStream input = Files.newInputStream(options.file())) {
            messages = LabelledMessage.readJsonLines(input, options.file().toString());
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + options.file());
        }
        if (messages.isEmpty()) {
            throw new IOException(options.file() + " has no labelled student messages to score");
        }
        long loading = System.nanoTime();
        try (EmbeddedClassifier embedded = EmbeddedClassifier.shipped(options.earlyExit())) {
            QueryClassifier classifier = embedded;
            String name = embedded.name();
            if (options.mode().equals("openai")) {
                OpenAiChatClassifier openAi = openAiFrom(environment);
                name = openAi.name() + ", falling back to " + embedded.name();
                classifier = message -> {
                    try {
                        return openAi.classify(message);
                    } catch (RuntimeException e) {
                        return embedded.classify(message).asFallbackFrom("openai", OpenAiChatClassifier.describe(e));
                    }
                };
            }
            out.printf(Locale.ROOT, "classifier: %s, loaded in %d ms%n", name, (System.nanoTime() - loading) / 1_000_000);
            if (options.mode().equals("embedded")) {
                warmUp(embedded);
            }
            TriageScore score = new TriageScore();
            long started = System.nanoTime();
            for (int i = 0; i < messages.size(); i++) {
                LabelledMessage message = messages.get(i);
                long before = System.nanoTime();
                var verdict = classifier.classify(new StudentMessage(message.text(), null, null));
                score.add(message.text(), message.label(), verdict, System.nanoTime() - before);
                if ((i + 1) % 100 == 0 && i + 1 < messages.size()) {
                    err.printf(Locale.ROOT, "  %d of %d messages classified%n", i + 1, messages.size());
                }
            }
            out.printf(Locale.ROOT, "file: %s (%.1f s)%n", options.file(), (System.nanoTime() - started) / 1e9);
            score.print(out, options.clarifyBelow(), true);
            printHandBack(out, score);
            if (options.mode().equals("openai")) {
                out.printf(Locale.ROOT, "openai fallbacks to the embedded classifier: %d of %d%n",
                        score.count(verdict -> verdict.classifier().endsWith("(openai fallback)")), score.size());
            }
        }
    }

    /** Lets the JIT compile the classifier's paths on the shipped training messages, as a running service would have. */
    private static void warmUp(EmbeddedClassifier classifier) {
        List<LabelledMessage> shipped = TrainingSets.readAll();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < Math.min(WARM_UP, shipped.size()); i++) {
            texts.add(shipped.get(i * 7 % shipped.size()).text());
        }
        classifier.warmUp(texts);
    }

    private static OpenAiChatClassifier openAiFrom(Map<String, String> environment) throws IOException {
        String key = environment.get("OPENAI_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IOException("--mode openai needs OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL)");
        }
        String baseUrl = environment.getOrDefault("OPENAI_BASE_URL", "https://api.openai.com/v1");
        String model = environment.getOrDefault("OPENAI_MODEL", "gpt-4o-mini");
        return new OpenAiChatClassifier(OpenAiChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder().connectTimeout(OPENAI_TIMEOUT))
                .baseUrl(baseUrl)
                .apiKey(key)
                .modelName(model)
                .temperature(0.0)
                .strictJsonSchema(true)
                .timeout(OPENAI_TIMEOUT)
                .maxRetries(0)
                .build(), model);
    }

    private static void crossValidate(PrintStream out, PrintStream err, Options options) {
        TriageModel.Settings settings = TriageModel.SETTINGS;
        int repeats = options.repeats();
        out.printf(Locale.ROOT, "%d-fold cross-validation, folds drawn %d way%s (fold seeds %d to %d), settings %s%n",
                CrossValidation.FOLDS, repeats, repeats == 1 ? "" : "s", CrossValidation.seed(0),
                CrossValidation.seed(repeats - 1), settings.describe());
        err.println("  embedding the training sets...");
        CrossValidation validation = new CrossValidation(settings);
        for (TrainingSets set : List.of(TrainingSets.CS1QA, TrainingSets.HANDWRITTEN)) {
            TriageScore pooled = new TriageScore();
            StringBuilder accuracies = new StringBuilder();
            for (int repetition = 0; repetition < repeats; repetition++) {
                err.printf(Locale.ROOT, "  %s: folds drawn with seed %d (%d of %d)...%n", set.title(),
                        CrossValidation.seed(repetition), repetition + 1, repeats);
                TriageScore score = validation.score(set, options.earlyExit(), repetition);
                accuracies.append(String.format(Locale.ROOT, " %.3f", score.accuracy()));
                pooled.addAll(score);
            }
            out.printf(Locale.ROOT, "%n== %s (each fold classified by a model trained on the other folds and on the "
                    + "other sets)%n", set.title());
            if (repeats > 1) {
                out.printf(Locale.ROOT, "accuracy of each drawing of the folds:%s%n", accuracies);
                out.printf(Locale.ROOT, "pooled below: each message counted once per drawing (%d x %d)%n",
                        pooled.size() / repeats, repeats);
            }
            pooled.print(out, options.clarifyBelow(), false);
            printHandBack(out, pooled);
        }
        honestEstimate(out, err, options, settings);
    }

    /** The figures in which no tuned choice saw the lines it is measured on ({@link HonestEstimate}). */
    private static void honestEstimate(PrintStream out, PrintStream err, Options options, TriageModel.Settings settings) {
        err.println("  honest estimate: embedding the training sets...");
        HonestEstimate estimate = new HonestEstimate(settings, THREADS);
        Map<TrainingSets, TriageScore> nested = new EnumMap<>(TrainingSets.class);
        Map<TrainingSets, TriageScore> across = new EnumMap<>(TrainingSets.class);
        for (TrainingSets set : List.of(TrainingSets.CS1QA, TrainingSets.HANDWRITTEN)) {
            err.printf(Locale.ROOT, "  %s: nested cross-validation...%n", set.title());
            HonestEstimate.Result result = estimate.nested(set);
            out.printf(Locale.ROOT, "%n== %s, nested cross-validation (%d grouped outer folds; every tuned choice "
                    + "picked by %d inner folds of the outer training lines; written near copies of measured lines "
                    + "left out: %d)%n", set.title(), HonestEstimate.OUTER_FOLDS, HonestEstimate.INNER_FOLDS,
                    result.nearCopiesLeftOut());
            printChoices(out, result);
            printWithHandBack(out, result.score(), options.clarifyBelow());
            nested.put(set, result.score());
            err.printf(Locale.ROOT, "  %s: trained on the other sources only...%n", set.title());
            HonestEstimate.Result other = estimate.acrossSources(set);
            out.printf(Locale.ROOT, "%n== %s, across sources (a model that never saw this set; choices picked by "
                    + "cross-validation on the other dev set)%n", set.title());
            printChoices(out, other);
            printWithHandBack(out, other.score(), options.clarifyBelow());
            across.put(set, other.score());
        }
        out.printf(Locale.ROOT, "%n== honest estimate%n");
        for (TrainingSets set : nested.keySet()) {
            printHonest(out, "nested", set, nested.get(set));
            printHonest(out, "across sources", set, across.get(set));
        }
    }

    private static void printHonest(PrintStream out, String how, TrainingSets set, TriageScore score) {
        out.printf(Locale.ROOT, "honest accuracy (%s), %s: %.3f%n", how, set.title(), score.accuracy());
        out.printf(Locale.ROOT, "honest accuracy after one hand-back (%s), %s: %.3f%n", how, set.title(),
                score.accuracyAfter(SECOND_ROUTE));
        out.printf(Locale.ROOT, "honest recall of other (%s), %s: %.3f%n", how, set.title(),
                score.recall(QueryType.OTHER));
    }

    private static void printChoices(PrintStream out, HonestEstimate.Result result) {
        StringBuilder line = new StringBuilder();
        result.choices().forEach((choice, times) -> line.append(line.isEmpty() ? "" : "; ").append(choice.describe())
                .append(" (").append(times).append(')'));
        out.printf(Locale.ROOT, "choices made: %s%n", line);
    }

    private static void printWithHandBack(PrintStream out, TriageScore score, double clarifyBelow) {
        score.print(out, clarifyBelow, false);
        printHandBack(out, score);
    }

    /**
     * What one hand-back would make of the first routes: each routed message given to the specialist's own hand-back
     * rules ({@link HandBackRules}, the code the specialists run), and routed where they say if they hand it back.
     */
    private static void printHandBack(PrintStream out, TriageScore score) {
        out.printf(Locale.ROOT, "handed back by the specialist: %d of %d messages%n", score.handedBack(SECOND_ROUTE),
                score.size());
        out.printf(Locale.ROOT, "accuracy after one hand-back: %.3f%n", score.accuracyAfter(SECOND_ROUTE));
    }

    private record Options(Path file, String mode, double clarifyBelow, double earlyExit, boolean crossValidate,
            int repeats) {

        static Options parse(String[] args) {
            Path file = null;
            String mode = "embedded";
            double clarifyBelow = Double.parseDouble(ClassifierDefaults.CLARIFY_BELOW);
            double earlyExit = Double.parseDouble(ClassifierDefaults.EARLY_EXIT);
            boolean crossValidate = false;
            int repeats = CrossValidation.REPETITIONS;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--mode" -> mode = value(args, ++i, "--mode");
                    case "--clarify-below" -> clarifyBelow = probability(value(args, ++i, "--clarify-below"));
                    case "--early-exit" -> earlyExit = probability(value(args, ++i, "--early-exit"));
                    case "--cross-validate" -> crossValidate = true;
                    case "--repeats" -> repeats = repeats(value(args, ++i, "--repeats"));
                    case "-h", "--help" -> throw new UsageException("help");
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new UsageException("unexpected argument " + args[i]);
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
            if (!mode.equals("embedded") && !mode.equals("openai")) {
                throw new UsageException("--mode must be embedded or openai, not " + mode);
            }
            if (file == null && !crossValidate) {
                throw new UsageException("give a JSONL file or --cross-validate");
            }
            return new Options(file, mode, clarifyBelow, earlyExit, crossValidate, repeats);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[i];
        }

        private static int repeats(String text) {
            return checked(text, Integer::valueOf, value -> value >= 1 && value <= 20,
                    "--repeats must be a whole number from 1 to 20");
        }

        private static double probability(String text) {
            return checked(text, Double::valueOf, value -> value >= 0 && value <= 1,
                    "expected a probability between 0 and 1");
        }

        private static <T> T checked(String text, Function<String, T> parse, Predicate<T> allowed, String expected) {
            try {
                T value = parse.apply(text);
                if (allowed.test(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(expected + ", not " + text);
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
