package io.learnflow.triage.service;

import io.learnflow.support.domain.StateConflict;

/** Feedback on a query that has no answer yet. */
public class NothingToRate extends StateConflict {

    public NothingToRate() {
        super("the query has no answer to rate yet");
    }
}
