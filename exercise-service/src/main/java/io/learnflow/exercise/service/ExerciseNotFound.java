package io.learnflow.exercise.service;

import io.learnflow.support.domain.ResourceNotFound;

public class ExerciseNotFound extends ResourceNotFound {

    public ExerciseNotFound(String id) {
        super("exercise", id);
    }
}
