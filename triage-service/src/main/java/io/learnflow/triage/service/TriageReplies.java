package io.learnflow.triage.service;

import io.learnflow.model.RoutingDecision;

/** Triage's own answers to messages that need no specialist: greetings, thanks, off-topic, and misuse. */
final class TriageReplies {

    static final String WHAT_I_DO = "I can explain Python concepts, help you find what is wrong with your code "
            + "(paste it with the error you see), and give you exercises to practise and check your solutions.";

    private TriageReplies() {
    }

    static String replyTo(String text, RoutingDecision decision) {
        String reason = decision.reason();
        if (reason.startsWith("asks the tutor to break its rules")) {
            return "I can't do that: I'm here to help you learn, so I won't hand out quiz answers, write whole "
                    + "assignments, or set aside how I work. " + WHAT_I_DO;
        }
        if (reason.startsWith("greeting")) {
            String lower = text.toLowerCase();
            if (lower.contains("thank") || lower.contains("thx") || lower.contains("gracias") || lower.contains("danke")) {
                return "You're welcome! Keep going: ask me anything else about Python whenever you like.";
            }
            return "Hello! " + WHAT_I_DO + " What are you working on?";
        }
        return "That's outside what I can help with: for course matters, please ask your teacher. " + WHAT_I_DO;
    }
}
