package io.learnflow.triage.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words of tutoring in Spanish, German and Hindi written in Latin script, with their English gloss
 * ({@code triage/glossary.tsv}). The classifier reads a message with its glosses added, so that "mi programa no
 * funciona" carries the signals and embedding of "my program does not work" as well as its own words.
 */
public final class Glossary {

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    private final Map<String, String> phrases;
    private final int longestPhrase;

    private Glossary(Map<String, String> phrases, int longestPhrase) {
        this.phrases = phrases;
        this.longestPhrase = longestPhrase;
    }

    public static Glossary shipped() {
        InputStream stream = Glossary.class.getClassLoader().getResourceAsStream("triage/glossary.tsv");
        if (stream == null) {
            throw new IllegalStateException("triage/glossary.tsv is missing from the class path");
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
                List<String> words = words(columns[0].toLowerCase(Locale.ROOT));
                phrases.put(String.join(" ", words), columns[1].trim());
                longest = Math.max(longest, words.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Glossary(Map.copyOf(phrases), longest);
    }

    /**
     * The English glosses of the foreign phrases in {@code lowercaseText}, longest phrase first at each word, space
     * separated; empty if none.
     */
    public String glossesOf(String lowercaseText) {
        List<String> words = words(lowercaseText);
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
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
