package io.learnflow.model.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void splitsAHostingPlatformUrlIntoCredentialFreeUrlsAndTheLogin() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://learnflow:s3cret@db.example.org:6543/tutoring?sslmode=require");

        assertThat(url.host()).isEqualTo("db.example.org");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("tutoring");
        assertThat(url.username()).isEqualTo("learnflow");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.sslMode()).contains("require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6543/tutoring?sslmode=require");
        assertThat(url.reactiveUrl()).isEqualTo("postgresql://db.example.org:6543/tutoring");
    }

    @Test
    void decodesPercentEscapesInTheUserAndPasswordAndKeepsAPlus() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app%2Buser:p%40ss%3Aword+1@localhost/learnflow");

        assertThat(url.username()).isEqualTo("app+user");
        assertThat(url.password()).isEqualTo("p@ss:word+1");
    }

    @Test
    void takesPort5432WhenTheUrlGivesNone() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@db.internal/learnflow");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.sslMode()).isEmpty();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/learnflow");
    }

    @Test
    void readsAnIpv6HostInBrackets() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@[::1]:5433/learnflow");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.isLocal()).isTrue();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/learnflow");
        assertThat(DatabaseUrl.parse("postgresql://u:p@[2001:db8::7]/learnflow").reactiveUrl())
                .isEqualTo("postgresql://[2001:db8::7]:5432/learnflow");
    }

    @Test
    void readsTheJdbcFormWithItsCredentialsInTheQuery() {
        DatabaseUrl url = DatabaseUrl.parse(
                "jdbc:postgresql://10.0.0.5:5432/learnflow?user=admin&password=a%26b&sslmode=verify-full&connectTimeout=5");

        assertThat(url.host()).isEqualTo("10.0.0.5");
        assertThat(url.username()).isEqualTo("admin");
        assertThat(url.password()).isEqualTo("a&b");
        assertThat(url.sslMode()).contains("verify-full");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:5432/learnflow?sslmode=verify-full");
        assertThat(url.isLocal()).isFalse();
    }

    @Test
    void refusesAnUnknownSslModeNamingTheAllowedOnes() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h/db?sslmode=on"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'on'")
                .hasMessageContaining("disable, allow, prefer, require, verify-ca, verify-full");
    }

    @Test
    void refusesAUrlWithoutADatabaseName() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h:5432"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no database");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h:5432/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no database");
    }

    @Test
    void refusesOtherSchemesAndBadPortsWithoutQuotingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter2@h/db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:hunter2@h:54x2/db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesAnUnbracketedIpv6HostAndSeveralHosts() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@::1/learnflow"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in brackets");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://a:5432,b:5432/learnflow"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("several hosts");
    }

    @Test
    void acceptsAUrlWithoutPasswordOrUser() {
        DatabaseUrl userOnly = DatabaseUrl.parse("postgresql://learnflow@localhost/learnflow");
        assertThat(userOnly.username()).isEqualTo("learnflow");
        assertThat(userOnly.password()).isNull();
        assertThat(userOnly.redacted()).isEqualTo("postgresql://learnflow@localhost:5432/learnflow");

        DatabaseUrl anonymous = DatabaseUrl.parse("postgresql://localhost/learnflow");
        assertThat(anonymous.username()).isNull();
        assertThat(anonymous.redacted()).isEqualTo("postgresql://localhost:5432/learnflow");
    }

    @Test
    void neverShowsThePasswordWhenPrinted() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://learnflow:p%40ss%3Aword@db:5432/learnflow?sslmode=prefer");

        assertThat(url.toString()).isEqualTo("postgresql://learnflow:***@db:5432/learnflow?sslmode=prefer")
                .doesNotContain("p@ss").doesNotContain("p%40ss");
        assertThat(url.redacted()).isEqualTo(url.toString());
    }

    @Test
    void keepsAPasswordWithAnUnencodedSlashOrAt() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:a/b@c@db/learnflow");

        assertThat(url.password()).isEqualTo("a/b@c");
        assertThat(url.host()).isEqualTo("db");
        assertThat(url.database()).isEqualTo("learnflow");
    }
}
