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

import io.learnflow.model.QueryType;
import io.learnflow.triage.evaluation.HonestEstimate;
import io.learnflow.triage.evaluation.TriageScore;

/**
 * Guards against regressions: the honest estimate of the shipped settings on each dev set (nested, grouped
 * cross-validation, {@link HonestEstimate}) stays within 0.03 of the figure the module README reports.
 */
class ShippedModelCrossValidationTest {

    private static HonestEstimate estimate;

    @BeforeAll
    static void embedTrainingSets() {
        estimate = new HonestEstimate(TriageModel.SETTINGS, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void cs1qaStudentLinesScoreAsTheReadmeSays() throws IOException {
        TriageScore score = estimate.nested(TrainingSets.CS1QA).score();
        assertThat(score.size()).isEqualTo(168);
        assertThat(score.accuracy()).isCloseTo(reported(TrainingSets.CS1QA), within(0.03));
    }

    @Test
    void handWrittenSetScoresAsTheReadmeSaysWithOtherRecalled() throws IOException {
        TriageScore score = estimate.nested(TrainingSets.HANDWRITTEN).score();
        assertThat(score.size()).isEqualTo(120);
        assertThat(score.accuracy()).isCloseTo(reported(TrainingSets.HANDWRITTEN), within(0.03));
        assertThat(score.recall(QueryType.OTHER)).isGreaterThanOrEqualTo(0.9);
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
