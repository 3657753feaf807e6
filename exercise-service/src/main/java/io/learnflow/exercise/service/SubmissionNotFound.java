package io.learnflow.exercise.service;

import java.util.UUID;

import io.learnflow.support.domain.ResourceNotFound;

public class SubmissionNotFound extends ResourceNotFound {

    public SubmissionNotFound(UUID id) {
        super("submission", id);
    }
}
