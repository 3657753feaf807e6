package io.learnflow.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseUrlConfigSourceTest {

    @Test
    void suppliesTheDatasourceFromDatabaseUrl() {
        DatabaseUrlConfigSource source = new DatabaseUrlConfigSource(Map.of("DATABASE_URL",
                "postgresql://triage:p%40ss@db.example.org:6543/learnflow?sslmode=verify-full"));

        assertThat(source.getProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example.org:6543/learnflow?sslmode=verify-full",
                "quarkus.datasource.reactive.url", "postgresql://db.example.org:6543/learnflow",
                "quarkus.datasource.username", "triage",
                "quarkus.datasource.password", "p@ss",
                "quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full"));
        assertThat(source.getValue("quarkus.datasource.password")).isEqualTo("p@ss");
        assertThat(source.getOrdinal()).isGreaterThan(250).isLessThan(400);
        assertThat(source.getName()).contains("DATABASE_URL").doesNotContain("p@ss");
    }

    @Test
    void thePerServiceVariableWins() {
        DatabaseUrlConfigSource source = new DatabaseUrlConfigSource(Map.of(
                "DATABASE_URL", "postgresql://admin:a@shared/learnflow",
                "LEARNFLOW_DATABASE_URL", "postgresql://progress:b@own:5433/learnflow"));

        assertThat(source.getValue("quarkus.datasource.username")).isEqualTo("progress");
        assertThat(source.getValue("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:postgresql://own:5433/learnflow");
        assertThat(source.getValue("quarkus.datasource.reactive.postgresql.ssl-mode")).isNull();
    }

    @Test
    void suppliesNothingWithoutTheVariables() {
        DatabaseUrlConfigSource source = new DatabaseUrlConfigSource(Map.of("DATABASE_URL", " "));

        assertThat(source.getPropertyNames()).isEmpty();
        assertThat(source.getValue("quarkus.datasource.jdbc.url")).isNull();
    }

    @Test
    void leavesTheShippedUserNameWhenTheUrlNamesNone() {
        DatabaseUrlConfigSource source = new DatabaseUrlConfigSource(Map.of("DATABASE_URL",
                "postgresql://localhost/learnflow"));

        assertThat(source.getPropertyNames()).containsExactlyInAnyOrder("quarkus.datasource.jdbc.url",
                "quarkus.datasource.reactive.url");
    }

    @Test
    void aBadUrlFailsNamingTheVariableAndNotThePassword() {
        assertThatThrownBy(() -> new DatabaseUrlConfigSource(Map.of("DATABASE_URL",
                "postgresql://triage:hunter2@db/learnflow?sslmode=yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DATABASE_URL is not a usable database URL")
                .hasMessageContaining("verify-full")
                .hasMessageNotContaining("hunter2");
    }
}
