package io.learnflow.debug.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.RoutingDecision;
import io.learnflow.specialist.ai.TutorAnswer;

class OfflineDebugTutorTest {

    final OfflineDebugTutor tutor = new OfflineDebugTutor();

    static QueryRouted query(String text, String code, String errorText) {
        return new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), text, code,
                errorText, null, null, null, new RoutingDecision(QueryType.DEBUG, 0.9, "reports an error", "rules-v1"),
                1);
    }

    @Test
    void explainsTheErrorPointsAtTheLineAndSuspectsATypo() {
        String code = "name = input('Name? ')\nprint('Hello ' + nmae)";
        String error = "Traceback (most recent call last):\n  File \"hello.py\", line 2, in <module>\n"
                + "NameError: name 'nmae' is not defined";
        TutorAnswer answer = tutor.answer(query("why does this fail", code, error)).await().indefinitely();

        assertThat(answer.content()).contains("NameError").contains("line 2").contains("print('Hello ' + nmae)")
                .contains("`nmae` is never given a value, but your code has `name`");
        assertThat(answer.module()).isEqualTo(LearningModule.VARIABLES);
        assertThat(answer.successful()).isTrue();
    }

    @Test
    void givesAHintWithoutTheSolution() {
        String code = "nums = [1, 2, 3]\nfor i in range(len(nums) + 1):\n    print(nums[i])";
        TutorAnswer answer = tutor.answer(query("it crashes at the end", code,
                "Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n"
                        + "IndexError: list index out of range")).await().indefinitely();

        assertThat(answer.content()).contains("IndexError").contains("range(len(x) + 1)")
                .doesNotContain("range(len(nums))");
        assertThat(answer.module()).isEqualTo(LearningModule.LISTS);
    }

    @Test
    void asksForTheTracebackWhenThereIsNone() {
        TutorAnswer answer = tutor.answer(query("my function gives None instead of the sum",
                "def add(a, b):\n    print(a + b)", null)).await().indefinitely();

        assertThat(answer.content()).contains("couldn't find an error message").contains("return");
        assertThat(answer.successful()).isFalse();
        assertThat(answer.module()).isEqualTo(LearningModule.FUNCTIONS);
    }
}
