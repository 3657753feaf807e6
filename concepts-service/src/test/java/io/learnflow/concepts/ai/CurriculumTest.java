package io.learnflow.concepts.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.learnflow.model.LearningModule;

class CurriculumTest {

    final Curriculum curriculum = Curriculum.shipped();

    @Test
    void everyModuleHasAtLeastEightConcepts() {
        for (LearningModule module : LearningModule.values()) {
            assertThat(curriculum.ofModule(module)).as(module.json()).hasSizeGreaterThanOrEqualTo(8);
        }
        assertThat(curriculum.entries()).hasSizeGreaterThanOrEqualTo(64);
    }

    @Test
    void everyEntryHasAnExplanationAnExampleAMisconceptionAndACheckQuestion() {
        Set<String> titles = new HashSet<>();
        for (CurriculumEntry entry : curriculum.entries()) {
            assertThat(entry.id()).as("id").startsWith(entry.module().json() + "-");
            assertThat(titles.add(entry.title())).as("unique title " + entry.title()).isTrue();
            assertThat(entry.explanation()).as(entry.id()).hasSizeGreaterThan(80);
            assertThat(entry.example()).as(entry.id()).isNotBlank();
            assertThat(entry.misconception()).as(entry.id()).isNotBlank();
            assertThat(entry.check()).as(entry.id()).endsWith("?");
            assertThat(entry.keywords()).as(entry.id()).isNotEmpty();
        }
    }

    @Test
    void versionFollowsTheFiles() {
        assertThat(curriculum.version()).matches("curriculum-[0-9a-f]{8}");
        assertThat(Curriculum.shipped().version()).isEqualTo(curriculum.version());
    }
}
