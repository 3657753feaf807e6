package io.learnflow.exercise.ai;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.learnflow.model.LearningModule;

/** Which curriculum module a request names ("an exercise on dictionaries", "practice loops"). */
final class ModuleMentions {

    private static final Map<LearningModule, Pattern> MENTIONS = new LinkedHashMap<>();

    static {
        MENTIONS.put(LearningModule.DICTIONARIES, Pattern.compile("\\bdict(ionary|ionaries|s)?\\b|diccionario|wörterbuch"));
        MENTIONS.put(LearningModule.CLASSES, Pattern.compile("\\bclass(es)?\\b|\\bobjects?\\b|\\boop\\b|klasse"));
        MENTIONS.put(LearningModule.STRINGS, Pattern.compile("\\bstrings?\\b|\\btext\\b|cadena"));
        MENTIONS.put(LearningModule.LISTS, Pattern.compile("\\blists?\\b|\\barrays?\\b|\\btuples?\\b|lista|liste"));
        MENTIONS.put(LearningModule.FUNCTIONS, Pattern.compile("\\bfunctions?\\b|\\bdef\\b|recursion|funci[oó]n|funktion"));
        MENTIONS.put(LearningModule.LOOPS, Pattern.compile("\\bloops?\\b|\\bfor\\b|\\bwhile\\b|iteration|bucle|schleife"));
        MENTIONS.put(LearningModule.CONDITIONALS, Pattern.compile("\\bif\\b|\\bconditions?\\b|conditionals?|\\belif\\b"));
        MENTIONS.put(LearningModule.VARIABLES, Pattern.compile("\\bvariables?\\b|\\bassignment\\b|\\btypes?\\b"));
    }

    private ModuleMentions() {
    }

    static Optional<LearningModule> in(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return MENTIONS.entrySet().stream().filter(e -> e.getValue().matcher(lower).find()).map(Map.Entry::getKey)
                .findFirst();
    }
}
