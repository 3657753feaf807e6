package io.learnflow.concepts.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.learnflow.concepts.ai.ConceptRetriever;
import io.learnflow.concepts.ai.Curriculum;
import io.learnflow.concepts.ai.RetrievalSettings;
import io.learnflow.concepts.service.CurriculumStore;
import io.quarkus.runtime.Startup;

/**
 * The curriculum (from the service's schema, see {@link CurriculumStore}) and its retrieval, loaded once per service
 * (MiniLM encodes every entry at start-up).
 */
@ApplicationScoped
public class RetrievalProducer {

    private static final Logger LOG = Logger.getLogger(RetrievalProducer.class);

    @Produces
    @Singleton
    @Startup
    ConceptRetriever retriever(CurriculumStore store) {
        long started = System.nanoTime();
        Curriculum curriculum = store.load();
        ConceptRetriever retriever = new ConceptRetriever(curriculum);
        LOG.infof("curriculum %s (%d entries) loaded and encoded in %d ms", curriculum.version(),
                curriculum.entries().size(), (System.nanoTime() - started) / 1_000_000);
        return retriever;
    }

    void close(@Disposes ConceptRetriever retriever) {
        retriever.close();
    }

    @Produces
    @Singleton
    RetrievalSettings settings(ConceptsConfig config) {
        ConceptsConfig.Retrieval retrieval = config.retrieval();
        return new RetrievalSettings(retrieval.keywordWeight(), retrieval.modulePrior(), retrieval.coveredAbove());
    }
}
