package io.learnflow.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

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
}
