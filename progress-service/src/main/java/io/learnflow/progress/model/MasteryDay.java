package io.learnflow.progress.model;

import java.time.LocalDate;

import io.learnflow.model.LearningModule;

/** A module's mastery (0–100) at the end of a day, in the student's time zone. */
public record MasteryDay(LocalDate day, LearningModule module, int mastery) {
}
