package io.learnflow.triage.service;

import io.learnflow.support.domain.ResourceNotFound;

/** The student has no query with this id (it does not exist, or it is another student's). */
public class QueryNotFound extends ResourceNotFound {

    public QueryNotFound(Object queryId) {
        super("query", queryId);
    }
}
