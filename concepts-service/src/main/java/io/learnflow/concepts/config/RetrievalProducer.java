package io.learnflow.concepts.config;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.learnflow.concepts.ai.ConceptRetriever;
import io.learnflow.concepts.ai.Curriculum;
import io.learnflow.concepts.ai.EncodedViews;
import io.learnflow.concepts.ai.RetrievalSettings;
import io.learnflow.concepts.service.CurriculumStore;
import io.learnflow.concepts.service.EntryVectorStore;
import io.quarkus.runtime.Startup;

/**
 * The curriculum (from the service's schema, see {@link CurriculumStore}) and its retrieval, loaded once per service
 * (MiniLM encodes the entries no earlier start-up encoded, {@link EntryVectorStore}).
 */
@ApplicationScoped
public class RetrievalProducer {

    private static final Logger LOG = Logger.getLogger(RetrievalProducer.class);

    @Produces
    @Singleton
    @Startup
    ConceptRetriever retriever(CurriculumStore store, EntryVectorStore vectors) {
        long started = System.nanoTime();
        Curriculum curriculum = store.load();
        Map<String, float[]> known = new HashMap<>(EncodedViews.shipped());
        known.putAll(vectors.load());
        EncodedViews encoded = EncodedViews.of(known);
        ConceptRetriever retriever = new ConceptRetriever(curriculum, encoded);
        vectors.save(encoded);
        LOG.infof("curriculum %s (%d entries) loaded in %d ms: %d texts' vectors from the build or an earlier start, "
                + "%d encoded", curriculum.version(), curriculum.entries().size(), (System.nanoTime() - started) / 1_000_000,
                encoded.used().size() - encoded.added().size(), encoded.added().size());
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
