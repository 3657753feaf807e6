package io.learnflow.concepts.ai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keyword score of a question against each entry: each word of the question counts by where it appears in the entry
 * (keywords 3, title 2, asks 1.5, explanation 1), times how rare it is across entries. Python's operators count as
 * words.
 */
final class KeywordIndex {

    private static final Pattern WORD = Pattern.compile(
            "[a-z_][a-z0-9_]*(\\(\\))?|==|!=|<=|>=|\\+=|-=|\\*=|=|//|\\*\\*|\\[\\]|\\{\\}|\\\\n|\\\\t|%|\\[-1\\]|-1");
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "is", "are", "was", "be", "been", "what", "how", "why", "when", "which", "who", "do",
            "does", "did", "doing", "i", "in", "of", "to", "and", "or", "it", "its", "my", "me", "can", "could",
            "you", "your", "python", "with", "for", "this", "that", "these", "those", "use", "using", "used", "work",
            "explain", "please", "about", "on", "get", "if", "so", "but", "just", "like", "there", "here", "some",
            "someone", "thing", "things", "way", "also", "not", "no", "yes", "we", "they", "them", "at", "as", "by",
            "from", "into", "than", "then", "really", "actually", "mean", "means", "would", "should", "will", "have",
            "has", "had", "one", "other", "same", "difference", "different", "between", "vs", "versus", "time",
            "always", "need", "know", "see", "say", "said", "write", "writing");

    private final List<Map<String, Double>> fieldWeights = new ArrayList<>();
    private final Map<String, Double> rarity = new HashMap<>();

    KeywordIndex(List<CurriculumEntry> entries) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (CurriculumEntry entry : entries) {
            Map<String, Double> weights = new HashMap<>();
            words(entry.explanation()).forEach(w -> weights.merge(w, 1.0, Math::max));
            entry.asks().forEach(a -> words(a).forEach(w -> weights.merge(w, 1.5, Math::max)));
            words(entry.title()).forEach(w -> weights.merge(w, 2.0, Math::max));
            entry.keywords().forEach(k -> words(k).forEach(w -> weights.merge(w, 3.0, Math::max)));
            fieldWeights.add(weights);
            weights.keySet().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
        }
        documentFrequency.forEach((word, df) -> rarity.put(word, Math.log(1.0 + (double) entries.size() / df)));
    }

    /** The raw score of the question against each entry, in the curriculum's order. */
    double[] scores(String question) {
        Set<String> asked = new LinkedHashSet<>(words(question));
        double[] scores = new double[fieldWeights.size()];
        for (int i = 0; i < scores.length; i++) {
            Map<String, Double> weights = fieldWeights.get(i);
            for (String word : asked) {
                Double weight = weights.get(word);
                if (weight != null) {
                    scores[i] += weight * rarity.get(word);
                }
            }
        }
        return scores;
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
}
