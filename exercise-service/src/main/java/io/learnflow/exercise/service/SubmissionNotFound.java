package io.learnflow.exercise.service;


import io.learnflow.support.domain.ResourceNotFound;

public class SubmissionNotFound extends ResourceNotFound {

    public SubmissionNotFound(Object id) {
        super("submission", id);
    }
}
