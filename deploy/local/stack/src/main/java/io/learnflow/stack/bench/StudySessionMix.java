package io.learnflow.stack.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The messages of a study session without runnable code, in the proportions a session has them: concept questions,
 * exercise requests, pasted tracebacks (the failing line quoted in the text, no {@code code} field, so nothing is run
 * in the sandbox) and greetings. Drawn with a fixed seed, so two runs send the same load.
 */
final class StudySessionMix {

    private static final List<String> TOPICS = List.of("a for loop", "a while loop", "a list", "a dictionary",
            "a tuple", "a function", "a class", "an if statement", "a string", "a variable", "range", "len");
    private static final List<String> MODULES = List.of("variables", "conditionals", "loops", "functions", "lists",
            "dictionaries", "strings", "classes");
    private static final List<String[]> TRACEBACKS = List.of(
            new String[] {"print(nme)", "NameError: name 'nme' is not defined"},
            new String[] {"ages = {'ana': 20}\nprint(ages['bo'])", "KeyError: 'bo'"},
            new String[] {"xs = [1, 2, 3]\nprint(xs[3])", "IndexError: list index out of range"},
            new String[] {"total = 'Total: ' + 5", "TypeError: can only concatenate str (not \"int\") to str"});

    private final Random random = new Random(20261201);
    private final boolean exercisesOnly;

    /** @param exercisesOnly only exercise requests: a load bound for one specialist, to compare its instance counts */
    StudySessionMix(boolean exercisesOnly) {
        this.exercisesOnly = exercisesOnly;
    }

    Map<String, Object> next() {
        int draw = exercisesOnly ? 50 : random.nextInt(100);
        if (draw < 40) {
            return Map.of("queryText", "What is " + pick(TOPICS) + " in Python and when do I use it?");
        }
        if (draw < 65) {
            return Map.of("queryText", "Can you give me an exercise to practise " + pick(MODULES) + "?",
                    "module", pick(MODULES));
        }
        if (draw < 90) {
            String[] failure = pick(TRACEBACKS);
            return Map.of("queryText", "My program crashes and I don't understand why: " + failure[0],
                    "errorText", "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n"
                            + failure[1]);
        }
        return Map.of("queryText", random.nextBoolean() ? "hello!" : "thanks, that helped");
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
