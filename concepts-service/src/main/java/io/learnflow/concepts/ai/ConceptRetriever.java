package io.learnflow.concepts.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import io.learnflow.model.LearningModule;
import io.learnflow.triage.classification.Glossary;
import io.learnflow.triage.classification.SentenceEncoder;

/**
 * Finds the curriculum entry a question is about: MiniLM's cosine similarity between the question and each entry
 * (its title with its keywords, its title with its explanation, and the ways a beginner might ask about it; the
 * closest of these), plus a keyword score, plus
 * a prior for the module the student is working on. Foreign words get English glosses first.
 */
public final class ConceptRetriever implements AutoCloseable {

    /** Curriculum glosses (Spanish, Portuguese, French, German, Hindi in Latin script) match words with accents ignored. */
    private static final Pattern CURRICULUM_WORD = Pattern.compile("[\\p{L}_]+");
    private static final int QUESTION_TOKENS = 64;
    private static final int ENTRY_TOKENS = 128;
    /** The raw keyword score at which the squashed score reaches one half. */
    private static final double KEYWORD_HALF = 6.0;

    private final Curriculum curriculum;
    private final SentenceEncoder questionEncoder;
    private final KeywordIndex keywords;
    private final Glossary glossary;
    /** Per entry: its title with its keywords, its title with its explanation, and each of its asks. */
    private final float[][][] views;

    public ConceptRetriever(Curriculum curriculum) {
        this(curriculum, EncodedViews.none());
    }

    /** With the vectors {@code views} already knows; what it does not, MiniLM encodes and {@code views} adds. */
    public ConceptRetriever(Curriculum curriculum, EncodedViews encoded) {
        this.curriculum = curriculum;
        this.questionEncoder = new SentenceEncoder(QUESTION_TOKENS);
        this.keywords = new KeywordIndex(curriculum.entries());
        this.glossary = Glossary.of("curriculum/glossary.tsv", CURRICULUM_WORD, true);
        List<CurriculumEntry> entries = curriculum.entries();
        views = new float[entries.size()][][];
        try (OnDemand entryEncoder = new OnDemand(ENTRY_TOKENS)) {
            for (int i = 0; i < entries.size(); i++) {
                CurriculumEntry entry = entries.get(i);
                views[i] = new float[2 + entry.asks().size()][];
                views[i][0] = encoded.vector(ENTRY_TOKENS,
                        entry.title() + ". " + String.join(", ", entry.keywords()), entryEncoder::encode);
                views[i][1] = encoded.vector(ENTRY_TOKENS, entry.title() + ". " + entry.explanation(),
                        entryEncoder::encode);
                for (int a = 0; a < entry.asks().size(); a++) {
                    views[i][2 + a] = encoded.vector(QUESTION_TOKENS, entry.asks().get(a), questionEncoder::encode);
                }
            }
        }
    }

    /** An encoder loaded the first time it is needed: when every entry's vectors are known, never. */
    private static final class OnDemand implements AutoCloseable {

        private final int tokens;
        private SentenceEncoder encoder;

        OnDemand(int tokens) {
            this.tokens = tokens;
        }

        float[] encode(String text) {
            if (encoder == null) {
                encoder = new SentenceEncoder(tokens);
            }
            return encoder.encode(text);
        }

        @Override
        public void close() {
            if (encoder != null) {
                encoder.close();
            }
        }
    }

    public Curriculum curriculum() {
        return curriculum;
    }

    /**
     * Every entry ranked for the question, with the student's current module (or null) as a prior. The prior only
     * decides between entries that fit the question well enough on their own, never whether one does.
     */
    public Retrieval retrieve(String question, LearningModule currentModule, RetrievalSettings settings) {
        List<ConceptMatch> ranked = rank(question, currentModule, settings);
        return new Retrieval(ranked, ranked.get(0).fit() >= settings.coveredAbove());
    }

    /** The parts of the score that do not depend on the settings, for tuning them: cosine and squashed keywords. */
    public double[][] evidence(String question) {
        String read = withGlosses(question);
        float[] vector = questionEncoder.encode(read);
        double[] keywordScores = keywords.scores(read);
        double[][] evidence = new double[keywordScores.length][];
        for (int i = 0; i < keywordScores.length; i++) {
            double semantic = Double.NEGATIVE_INFINITY;
            for (float[] view : views[i]) {
                semantic = Math.max(semantic, dot(vector, view));
            }
            evidence[i] = new double[] { semantic, keywordScores[i] / (keywordScores[i] + KEYWORD_HALF) };
        }
        return evidence;
    }

    List<ConceptMatch> rank(String question, LearningModule currentModule, RetrievalSettings settings) {
        double[][] evidence = evidence(question);
        List<CurriculumEntry> entries = curriculum.entries();
        List<ConceptMatch> ranked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            CurriculumEntry entry = entries.get(i);
            double fit = score(evidence[i], false, settings);
            ranked.add(new ConceptMatch(entry, score(evidence[i], entry.module() == currentModule, settings), fit,
                    evidence[i][0], evidence[i][1]));
        }
        ranked.sort(Comparator.comparing((ConceptMatch m) -> m.fit() >= settings.coveredAbove()).reversed()
                .thenComparing(Comparator.comparingDouble(ConceptMatch::score).reversed()));
        return ranked;
    }

    public static double score(double[] evidence, boolean inCurrentModule, RetrievalSettings settings) {
        return evidence[0] + settings.keywordWeight() * evidence[1] + (inCurrentModule ? settings.modulePrior() : 0);
    }

    private String withGlosses(String question) {
        String glosses = glossary.glossesOf(question);
        return glosses.isEmpty() ? question : question + "\n" + glosses;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    @Override
    public void close() {
        questionEncoder.close();
    }
}
