package io.learnflow.exercise.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.learnflow.stack.LearnFlowStackResource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Start-up's bank load keeps each seed item's JSON, and never reverts an item ./learnflow db import wrote. */
@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "exercise"))
class ExerciseBankLoaderTest {

    @Inject
    ExerciseBankLoader loader;
    @Inject
    Pool database;

    @Test
    void shippedItemsKeepTheirSeedJsonAndImportedOnesAreNotReverted() {
        assertThat(text("SELECT count(*) FROM exercise WHERE source = 'shipped' AND seed_json IS NOT NULL"))
                .isEqualTo("80");
        assertThat(text("SELECT seed_json::json->>'aligned_learning_objective' FROM exercise WHERE id = 'lf-loops-1'"))
                .startsWith("loops-objective-");
        String shippedTitle = text("SELECT title FROM exercise WHERE id = 'lf-loops-1'");
        try {
            execute("UPDATE exercise SET title = 'Sum up to n (edited)', source = 'imported' WHERE id = 'lf-loops-1'");
            execute("UPDATE exercise SET title = 'stale title' WHERE id = 'lf-loops-2'");

            loader.loadAtStartup(new StartupEvent());

            assertThat(text("SELECT title || ' ' || source FROM exercise WHERE id = 'lf-loops-1'"))
                    .isEqualTo("Sum up to n (edited) imported");
            assertThat(text("SELECT title FROM exercise WHERE id = 'lf-loops-2'")).isEqualTo("Count down");
        } finally {
            execute("UPDATE exercise SET title = '" + shippedTitle + "', source = 'shipped' WHERE id = 'lf-loops-1'");
        }
    }

    private String text(String query) {
        return String.valueOf(database.query(query).execute().await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getValue(0));
    }

    private void execute(String statement) {
        database.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }
}
