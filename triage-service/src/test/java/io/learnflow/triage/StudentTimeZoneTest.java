package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.Topics;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "triage"))
class StudentTimeZoneTest {

    static final String PASSWORD = "correct horse battery";

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());

    static String register(Map<String, String> extra) {
        String email = "zone-" + UUID.randomUUID() + "@example.org";
        Map<String, String> body = new HashMap<>(Map.of("email", email, "password", PASSWORD, "firstName", "Ana",
                "lastName", "Lopez"));
        body.putAll(extra);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/students").then().statusCode(201)
                .body("timeZone", equalTo(extra.getOrDefault("timeZone", "UTC")));
        return email;
    }

    static String signIn(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    static String zoneClaim(String token) {
        return claims(token).zoneinfo();
    }

    static Claims claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return EventCodec.decode(payload, Claims.class);
    }

    record Claims(String zoneinfo, String upn, String given_name, String family_name, String name) {
    }

    @Test
    void aTokenCarriesTheAccountsEmailAndName() {
        String email = register(Map.of());
        Claims claims = claims(signIn(email));
        assertThat(claims.upn()).isEqualTo(email);
        assertThat(claims.given_name()).isEqualTo("Ana");
        assertThat(claims.family_name()).isEqualTo("Lopez");
        assertThat(claims.name()).isEqualTo("Ana Lopez");
    }

    @Test
    void aStudentsTimeZoneIsSetAtRegistrationCarriedInTheTokenAndOnTheRoutedQuery() {
        String token = signIn(register(Map.of("timeZone", "Europe/Madrid")));
        assertThat(zoneClaim(token)).isEqualTo("Europe/Madrid");

        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("queryText", "I get an error when I run this", "code", "print(nme)",
                        "errorText", "NameError: name 'nme' is not defined"))
                .post("/api/v1/queries").then().statusCode(202).body("routing.type", equalTo("debug"))
                .extract().path("id");

        var published = kafka.find(Topics.QUERY_DEBUG, r -> r.value().contains(id), Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        assertThat(EventCodec.decode(published.get(0).value(), QueryRouted.class).timeZone())
                .isEqualTo("Europe/Madrid");
    }

    @Test
    void withoutATimeZoneAStudentIsInUtcAndMayChooseOneLater() {
        String email = register(Map.of());
        String token = signIn(email);
        assertThat(zoneClaim(token)).isEqualTo("UTC");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("timeZone", "America/Lima"))
                .patch("/api/v1/students/me").then().statusCode(200).body("timeZone", equalTo("America/Lima"));

        assertThat(zoneClaim(signIn(email))).isEqualTo("America/Lima");
    }

    @Test
    void aTimeZoneThatIsNotAnIanaZoneIsRefused() {
        String email = "zone-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD, "firstName", "Ana",
                "lastName", "Lopez", "timeZone", "Mars/Olympus_Mons"))
                .post("/api/v1/students").then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("timeZone"));

        String token = signIn(register(Map.of()));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("timeZone", "+02:00"))
                .patch("/api/v1/students/me").then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItem("timeZone"));
        given().contentType(ContentType.JSON).body(Map.of("timeZone", "Europe/Madrid"))
                .patch("/api/v1/students/me").then().statusCode(401);
    }
}
