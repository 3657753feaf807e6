package io.learnflow.concepts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.learnflow.model.LearningModule;

class ConceptScoreTest {

    static LabelledQuestion about(LearningModule module) {
        return new LabelledQuestion("a question", module, null);
    }

    @Test
    void countsModuleAccuracyOnCoveredQuestionsAndNotCoveredOnTheOthers() {
        List<LabelledQuestion> questions = List.of(about(LearningModule.LOOPS), about(LearningModule.LISTS),
                about(LearningModule.STRINGS), about(null), about(null));
        List<LearningModule> decided = Arrays.asList(LearningModule.LOOPS, null, LearningModule.LISTS, null,
                LearningModule.CLASSES);

        ConceptScore score = ConceptScore.of(questions, decided);

        assertThat(score.covered()).isEqualTo(3);
        assertThat(score.moduleAccuracy()).isEqualTo(1.0 / 3);
        assertThat(score.notCoveredPrecision()).isEqualTo(0.5);
        assertThat(score.notCoveredRecall()).isEqualTo(0.5);
    }
}
