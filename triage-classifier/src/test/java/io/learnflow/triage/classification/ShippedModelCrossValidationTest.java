package io.learnflow.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.learnflow.triage.evaluation.CrossValidation;
import io.learnflow.triage.evaluation.TriageScore;

/**
 * Guards against regressions: the shipped settings' cross-validated accuracy on each dev set, with the folds drawn the
 * first way only, stays within 0.03 of the figure the module README reports (pooled over four drawings; each drawing
 * is within about 0.015 of it).
 */
class ShippedModelCrossValidationTest {

    private static CrossValidation validation;

    @BeforeAll
    static void embedTrainingSets() {
        validation = new CrossValidation(TriageModel.SETTINGS);
    }

    @Test
    void cs1qaStudentLinesScoreAsTheReadmeSays() throws IOException {
        TriageScore score = validation.score(TrainingSets.CS1QA,
                Double.parseDouble(ClassifierDefaults.EARLY_EXIT), 0);
        assertThat(score.size()).isEqualTo(168);
        assertThat(score.accuracy()).isCloseTo(reported(TrainingSets.CS1QA), within(0.03));
    }

    @Test
    void handWrittenSetScoresAsTheReadmeSaysWithOtherRecalled() throws IOException {
        TriageScore score = validation.score(TrainingSets.HANDWRITTEN,
                Double.parseDouble(ClassifierDefaults.EARLY_EXIT), 0);
        assertThat(score.size()).isEqualTo(120);
        assertThat(score.accuracy()).isCloseTo(reported(TrainingSets.HANDWRITTEN), within(0.03));
        assertThat(score.recall(io.learnflow.model.QueryType.OTHER)).isGreaterThanOrEqualTo(0.9);
    }

    /** The accuracy in the README's row {@code | <set title> | <accuracy> (...) | ...}. */
    private static double reported(TrainingSets set) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher row = Pattern.compile("^\\| " + Pattern.quote(set.title()) + " \\| (0\\.\\d+)[^|]*\\|", Pattern.MULTILINE)
                .matcher(readme);
        assertThat(row.find()).as("README.md reports the accuracy on the %s", set.title().toLowerCase(Locale.ROOT))
                .isTrue();
        return Double.parseDouble(row.group(1));
    }
}
