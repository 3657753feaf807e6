package io.learnflow.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.learnflow.stack.LocalStack;
import io.learnflow.stack.StackEndpoints;
import io.restassured.path.json.JsonPath;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A database that ran the changelog of before the Exercise entity (the bank loaded by a changeset from a CSV) starts
 * with today's changelog: the old changeset's checksum is accepted, the table becomes the Exercise entity, and the
 * rows keep their ids, so assignments made before still point at their exercises.
 */
class ExerciseSchemaUpgradeTest {

    static final String SCHEMA = "exercise_upgrade";

    static void migrate(Connection connection, String changelog) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                new JdbcConnection(connection));
        database.setDefaultSchemaName(SCHEMA);
        new Liquibase(changelog, new ClassLoaderResourceAccessor(), database).update(new Contexts());
    }

    static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aDatabaseOfTheOldBankIsMigratedToTheExerciseEntity() throws Exception {
        StackEndpoints stack = LocalStack.shared().endpoints();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), stack.admin().username(),
                stack.admin().password())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                statement.execute("CREATE SCHEMA " + SCHEMA);
                statement.execute("SET search_path TO " + SCHEMA);
            }
            migrate(connection, "upgrade/changelog-001.xml");
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO " + SCHEMA + ".exercise_assignment VALUES (gen_random_uuid(), "
                        + "gen_random_uuid(), 'mbpp-2', gen_random_uuid(), now())");
            }

            migrate(connection, "db/changelog.xml");
            migrate(connection, "db/changelog.xml");

            List<Map<String, Object>> exercises = rows(connection, "SELECT id, kind, title, topic, difficulty, "
                    + "solution_code, test_cases FROM " + SCHEMA + ".exercise ORDER BY source_task_id");
            assertThat(exercises).extracting(row -> row.get("id")).containsExactly("mbpp-1", "mbpp-2", "mbpp-3");
            assertThat(exercises).extracting(row -> row.get("difficulty")).containsOnly("EASY", "MEDIUM", "HARD");
            assertThat(exercises).allSatisfy(row -> {
                assertThat(row.get("kind")).isEqualTo("CODE");
                assertThat(row.get("title")).isNotNull();
                assertThat(row.get("solution_code")).isNotNull();
                JsonPath tests = JsonPath.from((String) row.get("test_cases"));
                assertThat(tests.getList("statement", String.class)).hasSize(3)
                        .allSatisfy(statement -> assertThat(statement).startsWith("assert "));
                assertThat(tests.getList("hidden", Boolean.class)).containsOnly(false);
            });
            assertThat(rows(connection, "SELECT a.exercise_id FROM " + SCHEMA + ".exercise_assignment a JOIN "
                    + SCHEMA + ".exercise e ON e.id = a.exercise_id")).hasSize(1);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
        }
    }
}
