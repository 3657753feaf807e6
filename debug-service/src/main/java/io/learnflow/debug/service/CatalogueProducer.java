package io.learnflow.debug.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.learnflow.feedback.NoviceErrorCatalogue;

/** The novice-error catalogue as a bean: one instance, shared by the analysis and the tutor. */
public class CatalogueProducer {

    @Produces
    @Singleton
    NoviceErrorCatalogue catalogue() {
        return new NoviceErrorCatalogue();
    }
}
