package io.learnflow.triage.classification;

import io.learnflow.model.RoutingDecision;

/** Decides what a student's message asks for, how sure it is, and why. */
public interface QueryClassifier {

    RoutingDecision classify(StudentMessage message);
}
