package io.learnflow.stack.bench;

import java.util.Map;
import java.util.function.Function;

/** Reading `--name value` options of the bench and chaos commands, with a usage message on a mistake. */
final class CommandOptions {

    private CommandOptions() {
    }

    static double number(Map<String, String> given, String name, String fallback,
            Function<String, IllegalArgumentException> usage) {
        String text = given.getOrDefault(name, fallback);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw usage.apply("--" + name + " must be a number, not '" + text + "'");
        }
    }
}
