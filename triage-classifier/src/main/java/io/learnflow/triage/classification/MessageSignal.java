package io.learnflow.triage.classification;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A sign in a student's message that tells what it asks for. Each is read from the message as the classifier sees it
 * ({@link ReadMessage}); none decides alone: the classifier weighs them with the words and the sentence embedding.
 */
public enum MessageSignal {

    TRACEBACK("a traceback",
            message -> find(SignalPatterns.TRACEBACK_LINES, message.original())
                    || find(SignalPatterns.TRACEBACK_LINES, message.errorText())),
    PYTHON_ERROR("an exception name or a Python error message",
            message -> find(SignalPatterns.EXCEPTION, message.original()) || !message.errorText().isBlank()),
    CODE("pasted code", message -> !message.code().isBlank() || message.codeLines() > 0),
    FAILURE("reports that something goes wrong", lower(SignalPatterns.FAILURE_WORDS)),
    WRONG_RESULT("says what came out instead", lower(SignalPatterns.WRONG_RESULT_WORDS)),
    HANG("a hang or a loop that does not end", lower(SignalPatterns.HANG_WORDS)),
    PRACTICE("asks for practice", lower(SignalPatterns.PRACTICE_WORDS)),
    CHECK("asks for a solution to be checked", lower(SignalPatterns.CHECK_WORDS)),
    TASK("names a task or assignment", lower(SignalPatterns.TASK_WORDS)),
    REQUIREMENT("asks what a task requires", lower(SignalPatterns.REQUIREMENT_WORDS)),
    START("asks how to start", lower(SignalPatterns.START_WORDS)),
    HOW_OR_WHAT("asks what something is or how it works", lower(SignalPatterns.CONCEPT_FORM)),
    WHY("asks why", lower(SignalPatterns.WHY_WORDS)),
    HELP("asks for help or a look", lower(SignalPatterns.HELP_WORDS)),
    PYTHON_TERMS("names Python or programming terms", lower(SignalPatterns.PYTHON_WORDS)),
    MISUSE("asks the tutor to break its rules", lower(SignalPatterns.MISUSE_WORDS)),
    SMALL_TALK("a greeting, thanks or small talk",
            message -> SignalPatterns.SMALL_TALK_ONLY.matcher(message.lower()).matches()),
    COURSE_ADMIN("about the course or the platform", lower(SignalPatterns.ADMIN_WORDS)),
    NO_WORDS("no words to read", message -> message.words() == 0),
    SHORT("three words or fewer", message -> message.words() <= 3),
    QUESTION_MARK("a question mark", message -> message.original().indexOf('?') >= 0),
    NOT_ENGLISH("not in English", message -> message.foreign());

    private final String description;
    private final Predicate<ReadMessage> test;

    MessageSignal(String description, Predicate<ReadMessage> test) {
        this.description = description;
        this.test = test;
    }

    /** The signal in words, for a routing reason. */
    public String description() {
        return description;
    }

    /** Whether the signal is in the message. */
    public boolean in(ReadMessage message) {
        return test.test(message);
    }

    private static Predicate<ReadMessage> lower(Pattern pattern) {
        return message -> find(pattern, message.lower());
    }

    private static boolean find(Pattern pattern, String text) {
        return pattern.matcher(text).find();
    }
}
