package io.learnflow.triage.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.learnflow.model.QueryStatus;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.triage.classification.Glossary;
import io.learnflow.triage.classification.MessageSignal;
import io.learnflow.triage.classification.ReadMessage;
import io.learnflow.triage.classification.StudentMessage;
import io.learnflow.triage.model.StudentQuery;

/**
 * Triage's own answers: to messages that need no specialist (greetings, thanks, off-topic, misuse) and the one short
 * question it asks when it cannot tell what a message wants.
 */
final class TriageReplies {

    static final String WHAT_I_DO = "I can explain Python concepts, help you find what is wrong with your code "
            + "(paste it with the error you see), and give you exercises to practise and check your solutions.";

    private static final Glossary GLOSSARY = Glossary.shipped();

    private TriageReplies() {
    }

    /** Answers a query that needs no specialist, or that gets a clarifying question, in place: it is completed. */
    static void answer(StudentQuery query) {
        boolean clarifying = query.clarifyingQuestion != null;
        query.status = QueryStatus.COMPLETED;
        query.answeredBy = ServiceName.TRIAGE;
        query.answerType = clarifying ? "clarifying_question" : "reply";
        query.answerContent = clarifying ? query.clarifyingQuestion
                : replyTo(ReadMessage.of(new StudentMessage(query.queryText, query.code, query.errorText), GLOSSARY));
        query.answeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        query.updatedAt = query.answeredAt;
    }

    static String replyTo(ReadMessage message) {
        if (MessageSignal.MISUSE.in(message)) {
            return "I can't do that: I'm here to help you learn, so I won't hand out quiz or exam answers, write whole "
                    + "assignments for you, or set aside how I work. " + WHAT_I_DO;
        }
        if (MessageSignal.SMALL_TALK.in(message)) {
            String lower = message.lower();
            if (lower.contains("thank") || lower.contains("thx") || lower.contains("gracias") || lower.contains("danke")
                    || lower.contains("shukriya")) {
                return "You're welcome! Keep going: ask me anything else about Python whenever you like.";
            }
            if (lower.matches("(?s).*\\b(bye|see you|goodbye|tschüss|adiós|milte hain)\\b.*")) {
                return "See you next time! Your progress is saved.";
            }
            return "Hello! " + WHAT_I_DO + " What are you working on?";
        }
        return "That's outside what I can help with: for course matters, please ask your teacher. " + WHAT_I_DO;
    }

    /** One short question that lets the student say which of the two likeliest kinds of help they want. */
    static String clarifyingQuestion(QueryType likeliest, QueryType next) {
        String first = offer(likeliest);
        String second = offer(next);
        if (likeliest == QueryType.OTHER || next == QueryType.OTHER || first.equals(second)) {
            return "I want to make sure I help with the right thing: would you like " + offer(QueryType.CONCEPT) + ", "
                    + offer(QueryType.DEBUG) + ", or " + offer(QueryType.EXERCISE) + "?";
        }
        return "Just to be sure I help with the right thing: would you like " + first + ", or " + second + "?";
    }

    private static String offer(QueryType type) {
        return switch (type) {
            case CONCEPT -> "an explanation of how this works in Python";
            case DEBUG -> "help finding what goes wrong in your code (paste the code and the error or output you see)";
            case EXERCISE -> "an exercise to practise, or a check of your solution";
            case OTHER -> "something else";
        };
    }
}
