package io.learnflow.specialist.ai;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.learnflow.model.LearningModule;

/**
 * Which curriculum module a student's words name ("an exercise on dictionaries", "and for strings?"), in English and
 * the tutoring words of the other languages students write in; the first module that matches, in this order.
 */
public final class ModuleMentions {

    private static final Map<LearningModule, Pattern> MENTIONS = new LinkedHashMap<>();

    static {
        MENTIONS.put(LearningModule.DICTIONARIES,
                Pattern.compile("\\bdict(ionary|ionaries|s)?\\b|diccionario|wörterbuch"));
        MENTIONS.put(LearningModule.CLASSES,
                Pattern.compile("\\bclass(es)?\\b|\\bobjects?\\b|\\binstances?\\b|\\boop\\b|klasse"));
        MENTIONS.put(LearningModule.STRINGS, Pattern.compile("\\bstrings?\\b|\\bstr\\b|\\btext\\b|cadena"));
        MENTIONS.put(LearningModule.LISTS, Pattern.compile("\\blists?\\b|\\barrays?\\b|\\btuples?\\b|lista|liste"));
        MENTIONS.put(LearningModule.FUNCTIONS,
                Pattern.compile("\\bfunctions?\\b|\\bmethods?\\b|\\bdef\\b|recursion|funci[oó]n|funktion"));
        MENTIONS.put(LearningModule.LOOPS,
                Pattern.compile("\\bloops?\\b|\\bfor\\b|\\bwhile\\b|iteration|bucle|schleife"));
        MENTIONS.put(LearningModule.CONDITIONALS,
                Pattern.compile("\\bif\\b|\\bconditions?\\b|conditionals?|\\belif\\b"));
        MENTIONS.put(LearningModule.VARIABLES,
                Pattern.compile("\\bvariables?\\b|\\bassignment\\b|\\btypes?\\b|\\bnumbers?\\b"));
    }

    private ModuleMentions() {
    }

    public static Optional<LearningModule> in(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return MENTIONS.entrySet().stream().filter(e -> e.getValue().matcher(lower).find()).map(Map.Entry::getKey)
                .findFirst();
    }
}
