package io.learnflow.triage.classification;

/** Decides what a student's message asks for, how sure it is, and why. */
public interface QueryClassifier {

    Classification classify(StudentMessage message);
}
