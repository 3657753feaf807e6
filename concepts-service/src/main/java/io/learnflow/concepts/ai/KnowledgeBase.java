package io.learnflow.concepts.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.model.LearningModule;

/**
 * The explanations the offline concepts tutor draws on, with a keyword retrieval over them: each word of the question
 * scores by where it appears in an entry (keywords, title, text), weighted by how rare it is across entries.
 */
@ApplicationScoped
public class KnowledgeBase {

    private static final String RESOURCE = "/knowledge/concepts.json";
    private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_]*(\\(\\))?|==|\\[\\]|\\{\\}");
    private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "are", "what", "how", "why", "do",
            "does", "i", "in", "of", "to", "and", "or", "it", "my", "me", "can", "you", "python", "with", "for",
            "be", "this", "that", "when", "use", "using", "work", "works", "explain", "please", "about", "on", "get");

    private final List<ConceptEntry> entries;
    private final List<Map<String, Double>> fieldWeights = new ArrayList<>();
    private final Map<String, Double> rarity = new HashMap<>();
    private final String version;

    public KnowledgeBase() {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the knowledge base " + RESOURCE + " is missing from the service");
            }
            Document document = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Document.class);
            this.entries = List.copyOf(document.entries());
            this.version = document.version();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge base " + RESOURCE, e);
        }
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (ConceptEntry entry : entries) {
            Map<String, Double> weights = new HashMap<>();
            words(entry.explanation()).forEach(w -> weights.merge(w, 1.0, Math::max));
            words(entry.title()).forEach(w -> weights.merge(w, 2.0, Math::max));
            entry.keywords().forEach(k -> words(k).forEach(w -> weights.merge(w, 3.0, Math::max)));
            fieldWeights.add(weights);
            weights.keySet().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
        }
        documentFrequency.forEach((word, df) -> rarity.put(word, Math.log(1.0 + (double) entries.size() / df)));
    }

    public String version() {
        return version;
    }

    public List<ConceptEntry> entries() {
        return entries;
    }

    /** The best entry for the question, preferring the student's current module when scores are close. */
    public Optional<ScoredEntry> bestFor(String question, LearningModule currentModule) {
        Set<String> asked = new HashSet<>(words(question));
        List<ScoredEntry> scored = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Double> weights = fieldWeights.get(i);
            double score = 0;
            for (String word : asked) {
                Double weight = weights.get(word);
                if (weight != null) {
                    score += weight * rarity.get(word);
                }
            }
            if (score > 0 && entries.get(i).module() == currentModule) {
                score *= 1.25;
            }
            scored.add(new ScoredEntry(entries.get(i), score));
        }
        return scored.stream().filter(s -> s.score() > 0).max(Comparator.comparingDouble(ScoredEntry::score));
    }

    public List<ConceptEntry> ofModule(LearningModule module) {
        return entries.stream().filter(e -> e.module() == module).toList();
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = stem(matcher.group());
            if (!STOPWORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    public record ScoredEntry(ConceptEntry entry, double score) {
    }

    private record Document(String version, List<ConceptEntry> entries) {
    }
}
