package io.learnflow.exercise.service;

import static io.learnflow.exercise.model.ExerciseDifficulty.EASY;
import static io.learnflow.exercise.model.ExerciseDifficulty.HARD;
import static io.learnflow.exercise.model.ExerciseDifficulty.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.learnflow.exercise.model.ExerciseDifficulty;
import io.learnflow.exercise.repository.ExerciseSubmissionRepository.GradedResult;

class AdaptiveChoiceTest {

    static List<GradedResult> results(ExerciseDifficulty difficulty, String outcomes) {
        List<GradedResult> results = new ArrayList<>();
        for (char outcome : outcomes.toCharArray()) {
            results.add(new GradedResult(difficulty, outcome == '+'));
        }
        return results;
    }

    static List<GradedResult> newestFirst(List<GradedResult>... groups) {
        List<GradedResult> all = new ArrayList<>();
        for (List<GradedResult> group : groups) {
            all.addAll(group);
        }
        return all;
    }

    @Test
    void withoutResultsTheLevelAskedForIsUsed() {
        assertThat(AdaptiveChoice.levelFor(List.of(), MEDIUM)).isEqualTo(MEDIUM);
    }

    @Test
    void aLevelIsKeptUntilItIsMasteredThenTheNextOneIsUsed() {
        assertThat(AdaptiveChoice.levelFor(results(EASY, "++"), EASY)).as("too little evidence").isEqualTo(EASY);
        assertThat(AdaptiveChoice.levelFor(results(EASY, "+++-+"), EASY)).as("80%: in the zone").isEqualTo(EASY);
        assertThat(AdaptiveChoice.levelFor(results(EASY, "+++++"), EASY)).as("100%: mastered").isEqualTo(MEDIUM);
        assertThat(AdaptiveChoice.levelFor(newestFirst(results(MEDIUM, "+++++"), results(EASY, "++++")), EASY))
                .isEqualTo(HARD);
    }

    @Test
    void strugglingAtALevelStepsBackToTheEasierOne() {
        assertThat(AdaptiveChoice.levelFor(newestFirst(results(MEDIUM, "--+"), results(EASY, "+++")), EASY))
                .isEqualTo(EASY);
        assertThat(AdaptiveChoice.levelFor(newestFirst(results(MEDIUM, "-++"), results(EASY, "+++")), EASY))
                .as("67%: in the zone").isEqualTo(MEDIUM);
    }

    @Test
    void onlyTheRecentResultsOfALevelCount() {
        assertThat(AdaptiveChoice.levelFor(results(EASY, "+++++-----"), EASY)).as("the last five passed")
                .isEqualTo(MEDIUM);
    }
}
