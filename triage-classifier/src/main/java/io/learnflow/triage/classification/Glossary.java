package io.learnflow.triage.classification;

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
 * Words of tutoring in other languages, with their English gloss, read from a {@code phrase<TAB>gloss} file. Triage's
 * ({@code triage/glossary.tsv}: Spanish, German, Hindi in Latin script, Korean) lets the classifier read "mi programa
 * no funciona" with the signals and embedding of "my program does not work" as well as its own words; other services
 * load their own file with {@link #of}.
 */
public final class Glossary {

    private static final Pattern TRIAGE_WORD = Pattern.compile("[\\p{L}']+");

    private final Map<String, String> phrases;
    private final int longestPhrase;
    private final Pattern word;
    private final boolean ignoreAccents;

    private Glossary(Map<String, String> phrases, int longestPhrase, Pattern word, boolean ignoreAccents) {
        this.phrases = phrases;
        this.longestPhrase = longestPhrase;
        this.word = word;
        this.ignoreAccents = ignoreAccents;
    }

    public static Glossary shipped() {
        return of("triage/glossary.tsv", TRIAGE_WORD, false);
    }

    /**
     * The glossary in the class-path resource, reading a word as a run of {@code word}, with accents ignored when
     * matching if {@code ignoreAccents}.
     */
    public static Glossary of(String resource, Pattern word, boolean ignoreAccents) {
        InputStream stream = Glossary.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        Glossary reading = new Glossary(Map.of(), 1, word, ignoreAccents);
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
                List<String> words = reading.words(columns[0].toLowerCase(Locale.ROOT));
                phrases.put(String.join(" ", words), columns[1].trim());
                longest = Math.max(longest, words.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Glossary(Map.copyOf(phrases), longest, word, ignoreAccents);
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

    private List<String> words(String text) {
        String read = ignoreAccents ? Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "") : text;
        List<String> words = new ArrayList<>();
        Matcher matcher = word.matcher(read);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }
}
