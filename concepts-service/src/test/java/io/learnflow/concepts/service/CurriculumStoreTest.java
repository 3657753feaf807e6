package io.learnflow.concepts.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.learnflow.concepts.ai.ConceptRetriever;
import io.learnflow.concepts.ai.Curriculum;
import io.learnflow.concepts.ai.CurriculumEntry;
import io.learnflow.stack.LearnFlowStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The curriculum comes from the service's tables: what db import wrote there is what the tutor answers from. */
@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "concepts"))
class CurriculumStoreTest {

    private static final String EDITED = "Imported by a teacher: sort() sorts in place and returns None.";

    @Inject
    CurriculumStore store;
    @Inject
    ConceptRetriever retriever;
    @Inject
    Pool database;

    @Test
    void startUpPutTheShippedCurriculumInTheTablesAndAnswersFromThem() {
        assertThat(count("SELECT count(*) FROM lesson WHERE source = 'shipped'")).isEqualTo(80);
        assertThat(count("SELECT count(*) FROM curriculum_unit")).isEqualTo(8);
        assertThat(text("SELECT lesson_json->'package'->'exercise_bank'->'mcq'->>0 FROM lesson WHERE id = 'lists-sorting'"))
                .as("the lesson is kept as an object, its quiz items as their ids").isEqualTo("quiz-lists-3");
        assertThat(retriever.curriculum().version()).isEqualTo(Curriculum.shipped().version());
        assertThat(retriever.curriculum().entries()).hasSize(80);
    }

    @Test
    void anImportedLessonIsWhatTheCurriculumHoldsAndStartUpNeverRevertsIt() {
        String shipped = text("SELECT lesson_json::text FROM lesson WHERE id = 'lists-sorting'");
        try {
            execute("UPDATE lesson SET source = 'imported', lesson_json = json_build_object('id', 'lists-sorting', "
                    + "'module', 'lists', 'title', 'sort() versus sorted()', 'keywords', json_build_array('sort'), "
                    + "'asks', json_build_array('why does sort give None'), 'explanation', $1::text, 'example', "
                    + "'print(sorted([2, 1]))', 'misconception', 'none', 'check', 'what does sort return?') "
                    + "WHERE id = 'lists-sorting'", Tuple.of(EDITED));
            execute("INSERT INTO lesson (id, unit_id, position, lesson_json, source, updated_at) VALUES "
                    + "('lists-imported-extra', 'unit-lists', 99, json_build_object('id', 'lists-imported-extra', "
                    + "'module', 'lists', 'title', 'Tuples versus lists', 'keywords', json_build_array('tuple'), "
                    + "'asks', json_build_array('tuple or list'), 'explanation', 'A tuple cannot change.', "
                    + "'example', 'print((1, 2))', 'misconception', 'none', 'check', 'can a tuple change?'), "
                    + "'imported', now())", Tuple.tuple());

            Curriculum restarted = store.load();

            assertThat(restarted.byId("lists-sorting")).map(CurriculumEntry::explanation).contains(EDITED);
            assertThat(restarted.byId("lists-imported-extra")).map(CurriculumEntry::title)
                    .contains("Tuples versus lists");
            assertThat(restarted.entries()).hasSize(81);
            assertThat(restarted.version()).isNotEqualTo(Curriculum.shipped().version());
            assertThat(text("SELECT source FROM lesson WHERE id = 'lists-sorting'")).isEqualTo("imported");
        } finally {
            execute("DELETE FROM lesson WHERE id = 'lists-imported-extra'", Tuple.tuple());
            execute("UPDATE lesson SET source = 'shipped', lesson_json = $1::text::json WHERE id = 'lists-sorting'",
                    Tuple.of(shipped));
        }
    }

    private int count(String query) {
        return Integer.parseInt(text(query));
    }

    private String text(String query) {
        return String.valueOf(database.query(query).execute().await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getValue(0));
    }

    private void execute(String statement, Tuple values) {
        database.preparedQuery(statement).execute(values).await().atMost(Duration.ofSeconds(10));
    }
}
