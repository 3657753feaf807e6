package io.learnflow.triage.classification;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.QueryType;
import io.learnflow.model.RoutingDecision;

/**
 * A first classifier from signals in the message: misuse and small talk, tracebacks and reported failures, requests
 * for practice, and question form. Rules are checked in the order of the label tie-breaks: misuse is {@code other}
 * whatever else it says, a reported failure makes a question {@code debug}, a solution sent for checking without a
 * failure is {@code exercise}.
 */
@ApplicationScoped
public class RuleBasedClassifier implements QueryClassifier {

    public static final String NAME = "rules-v1";

    private static final Pattern MISUSE = Pattern.compile(
            "ignore (all |any )?(your|previous|the|prior) (instructions|rules)|system prompt|jailbreak"
                    + "|(quiz|exam|test) answers|answers (to|for) (the|this|my) (quiz|exam|test|homework)"
                    + "|(do|write|solve) my (whole |entire )?(homework|assignment)|pretend (you are|to be)"
                    + "|you are no longer|developer mode",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SMALL_TALK = Pattern.compile(
            "^(hi|hello|hey|hallo|hola|namaste|good (morning|afternoon|evening)|thanks?( you)?( so much)?|thx|ty"
                    + "|bye|goodbye|see you|ok(ay)?|cool|great|gracias|danke)[\\s!.,:)]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRACEBACK = Pattern.compile(
            "Traceback \\(most recent call last\\)|\\b[A-Z][A-Za-z]*(Error|Exception)\\b|line \\d+, in ");
    private static final Pattern FAILURE = Pattern.compile(
            "doesn'?t work|does not work|not working|isn'?t working|wrong|\\bbug|\\berror|fails?\\b|failing|crash"
                    + "|infinite|never (ends|stops)|stuck|hangs?\\b|instead of|expected|but (it|i) (get|got|gives|prints)"
                    + "|funktioniert nicht|no funciona|fehler|kaam nahi",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRACTICE = Pattern.compile(
            "\\bexercises?\\b|\\bpractice|\\bquiz\\b|challenge|another (one|problem|task)|next (one|problem|task|exercise)"
                    + "|harder|easier|give me a (problem|task|question)|check my (solution|code|answer)"
                    + "|is my (solution|answer|code) (right|correct|ok)|is this (solution )?(right|correct)"
                    + "|what does (the|this) (task|exercise|problem) (want|require|ask)|how (do|should) i start"
                    + "|ejercicio|übung|aufgabe",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION = Pattern.compile(
            "\\?|^(what|how|why|when|where|which|explain|difference|can you explain|is it|are|does|do|should)\\b"
                    + "|what is|what are|how (do|does|can)|meaning of|qué es|was ist|kya hai",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADMINISTRATION = Pattern.compile(
            "deadline|due date|my grade|extension|office hours|reset my password|enrol|syllabus|weather|football"
                    + "|who won|recipe",
            Pattern.CASE_INSENSITIVE);

    @Override
    public RoutingDecision classify(StudentMessage message) {
        String text = message.text().trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (MISUSE.matcher(text).find()) {
            return decide(QueryType.OTHER, 0.9, "asks the tutor to break its rules");
        }
        if (SMALL_TALK.matcher(text).matches()) {
            return decide(QueryType.OTHER, 0.9, "greeting or thanks");
        }
        boolean traceback = message.hasErrorText() || TRACEBACK.matcher(text).find();
        boolean failure = FAILURE.matcher(lower).find();
        if (traceback) {
            return decide(QueryType.DEBUG, 0.9, "reports an error" + (message.hasErrorText() ? " (error text attached)"
                    : " (traceback or exception name in the message)"));
        }
        if (failure) {
            return decide(QueryType.DEBUG, message.hasCode() ? 0.85 : 0.75,
                    "reports that something goes wrong" + (message.hasCode() ? " with the attached code" : ""));
        }
        if (PRACTICE.matcher(lower).find()) {
            return decide(QueryType.EXERCISE, 0.8, "asks for practice or for a solution to be checked");
        }
        if (ADMINISTRATION.matcher(lower).find()) {
            return decide(QueryType.OTHER, 0.6, "about the course or off-topic, not about Python");
        }
        if (QUESTION.matcher(lower).find()) {
            return decide(QueryType.CONCEPT, message.hasCode() ? 0.7 : 0.75, "asks how or why something in Python works");
        }
        if (message.hasCode()) {
            return decide(QueryType.EXERCISE, 0.5, "sends code without reporting a failure");
        }
        return decide(QueryType.CONCEPT, 0.4, "no clear signal; treated as a question about Python");
    }

    private static RoutingDecision decide(QueryType type, double confidence, String reason) {
        return new RoutingDecision(type, confidence, reason, NAME);
    }

}
