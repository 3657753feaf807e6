package io.learnflow.triage.model;

/** What became of one delivery of a query: published to the specialist's topic, or refused by the broker. */
public enum RoutingDelivery {
    SENT, NOT_SENT
}
