package io.learnflow.concepts.ai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words about Python in Spanish, Portuguese, French, German and Hindi written in Latin script, with their English
 * gloss ({@code curriculum/glossary.tsv}). The retrieval reads a question with its glosses added, since MiniLM and
 * the keyword index only know English. Accents are ignored when matching.
 */
final class ConceptGlossary {

    private static final Pattern WORD = Pattern.compile("[\\p{L}_]+");

    private final Map<String, String> phrases;
    private final int longestPhrase;

    private ConceptGlossary(Map<String, String> phrases, int longestPhrase) {
        this.phrases = phrases;
        this.longestPhrase = longestPhrase;
    }

    static ConceptGlossary shipped() {
        InputStream stream = ConceptGlossary.class.getClassLoader().getResourceAsStream("curriculum/glossary.tsv");
        if (stream == null) {
            throw new IllegalStateException("curriculum/glossary.tsv is missing from the class path");
        }
        Map<String, String> phrases = new HashMap<>();
        int longest = 1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException("glossary line is not 'phrase<TAB>gloss': " + line);
                }
                List<String> words = words(columns[0]);
                phrases.put(String.join(" ", words), columns[1].trim());
                longest = Math.max(longest, words.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConceptGlossary(Map.copyOf(phrases), longest);
    }

    /** The English glosses of the foreign phrases in {@code text}, longest phrase first, space separated. */
    String glossesOf(String text) {
        List<String> words = words(text);
        StringBuilder glosses = new StringBuilder();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int length = Math.min(longestPhrase, words.size() - i); length > 0 && matched == 0; length--) {
                String gloss = phrases.get(String.join(" ", words.subList(i, i + length)));
                if (gloss != null) {
                    glosses.append(glosses.isEmpty() ? "" : " ").append(gloss);
                    matched = length;
                }
            }
            i += Math.max(1, matched);
        }
        return glosses.toString();
    }

    private static List<String> words(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(plain);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
