package io.learnflow.concepts.ai;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.learnflow.model.LearningModule;

/** The module a follow-up names by its subject ("and for dictionaries?", "what about strings?"). */
final class ModuleNames {

    private static final Map<LearningModule, Pattern> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(LearningModule.DICTIONARIES, Pattern.compile("\\bdict(ionary|ionaries|s)?\\b"));
        NAMES.put(LearningModule.CLASSES, Pattern.compile("\\bclass(es)?\\b|\\bobjects?\\b|\\binstances?\\b"));
        NAMES.put(LearningModule.STRINGS, Pattern.compile("\\bstrings?\\b|\\bstr\\b|\\btext\\b"));
        NAMES.put(LearningModule.LISTS, Pattern.compile("\\blists?\\b"));
        NAMES.put(LearningModule.FUNCTIONS, Pattern.compile("\\bfunctions?\\b|\\bmethods?\\b"));
        NAMES.put(LearningModule.LOOPS, Pattern.compile("\\bloops?\\b|\\bfor\\b|\\bwhile\\b"));
        NAMES.put(LearningModule.CONDITIONALS, Pattern.compile("\\bconditions?\\b|\\bconditionals?\\b|\\bif\\b"));
        NAMES.put(LearningModule.VARIABLES, Pattern.compile("\\bvariables?\\b|\\bnumbers?\\b"));
    }

    private ModuleNames() {
    }

    static Optional<LearningModule> in(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return NAMES.entrySet().stream().filter(e -> e.getValue().matcher(lower).find()).map(Map.Entry::getKey)
                .findFirst();
    }
}
