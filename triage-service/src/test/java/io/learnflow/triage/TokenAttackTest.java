package io.learnflow.triage;

import static org.assertj.core.api.Assertions.assertThat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.learnflow.stack.LocalStack;
import io.learnflow.stack.StudentTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TokenAttackTest {

    final StudentTokens tokens = new StudentTokens(LocalStack.shared().endpoints());

    @ParameterizedTest
    @EnumSource(StudentTokens.Forgery.class)
    void aForgedOrStaleTokenIsRefusedOnEveryKindOfEndpoint(StudentTokens.Forgery forgery) {
        Students.SignedIn student = Students.registerAndSignIn();
        String forged = tokens.forged(student.id(), forgery);

        given().auth().oauth2(forged).get("/api/v1/queries")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2(forged).contentType(ContentType.JSON).body(Map.of("queryText", "what is a list?"))
                .post("/api/v1/queries")
                .then().statusCode(401);
        given().auth().oauth2(forged).get("/api/v1/queries/" + java.util.UUID.randomUUID() + "/events")
                .then().statusCode(401);
        given().auth().oauth2(tokens.studentToken(student.id())).get("/api/v1/queries").then().statusCode(200);
    }

    @Test
    void aVerifiedTokenIsKeptUntilItExpiresAndATamperedCopyIsStillRefused() {
        Students.SignedIn student = Students.registerAndSignIn();
        given().auth().oauth2(student.token()).get("/api/v1/queries").then().statusCode(200);
        assertThat(keptTokens()).isPositive();

        String[] parts = student.token().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8).replace(student.id().toString(),
                        java.util.UUID.randomUUID().toString());
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(tampered).get("/api/v1/queries").then().statusCode(401);
        given().auth().oauth2(student.token()).get("/api/v1/queries").then().statusCode(200);
    }

    private static double keptTokens() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("learnflow_verified_tokens"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
