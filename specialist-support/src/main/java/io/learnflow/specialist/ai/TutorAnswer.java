package io.learnflow.specialist.ai;

import io.learnflow.model.LearningModule;

/**
 * What a tutor says to a query, and what it tells progress about the interaction.
 *
 * @param responseType  kind of answer, for example {@code explanation}, {@code hint}, {@code exercise}
 * @param successful    whether the student's need was met (progress counts it as a success)
 * @param errorCategory the novice error recognised in the student's code (a catalogue id), if any
 * @param codePasses    whether the student's code passes its tests now, where it was run against tests
 * @param confidence    how sure the tutor is of what it said (for debug: of the fault's location), if it can say
 * @param model         the model that wrote the answer, when one did (absent: the offline tutor)
 */
public record TutorAnswer(String responseType, String content, LearningModule module, boolean successful,
        String exerciseId, Integer testsPassed, Integer testsTotal, String errorCategory, Boolean codePasses,
        Double confidence, ModelUse model) {

    /** A model's part in an answer: its provider, its name and the tokens the answer cost. */
    public record ModelUse(String provider, String name, int tokensUsed) {
    }

    public TutorAnswer(String responseType, String content, LearningModule module, boolean successful,
            String exerciseId, Integer testsPassed, Integer testsTotal, String errorCategory, Boolean codePasses,
            Double confidence) {
        this(responseType, content, module, successful, exerciseId, testsPassed, testsTotal, errorCategory,
                codePasses, confidence, null);
    }

    public TutorAnswer(String responseType, String content, LearningModule module, boolean successful,
            String exerciseId, Integer testsPassed, Integer testsTotal) {
        this(responseType, content, module, successful, exerciseId, testsPassed, testsTotal, null, null, null, null);
    }

    /** The same answer in other words: written by {@code model}, or by the offline tutor when it is null. */
    public TutorAnswer withContent(String newContent, ModelUse writtenBy) {
        return new TutorAnswer(responseType, newContent, module, successful, exerciseId, testsPassed, testsTotal,
                errorCategory, codePasses, confidence, writtenBy);
    }

    /**
     * The offline answer given in place of a model's, saying why: "(LearnFlow's own {@code kind}: {@code reason}.)"
     * after it.
     */
    public TutorAnswer insteadOfTheModel(String kind, String reason) {
        return withContent(content + "\n\n(LearnFlow's own " + kind + ": " + reason + ".)", null);
    }

    public static TutorAnswer of(String responseType, String content, LearningModule module, boolean successful) {
        return new TutorAnswer(responseType, content, module, successful, null, null, null);
    }
}
