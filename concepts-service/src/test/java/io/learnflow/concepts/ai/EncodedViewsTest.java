package io.learnflow.concepts.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EncodedViewsTest {

    @Test
    void aRetrieverGivenAnEarlierStartsVectorsEncodesNothingAndRanksTheSame() {
        Curriculum curriculum = Curriculum.shipped();
        EncodedViews first = EncodedViews.none();
        EncodedViews second;
        String question = "how do I stop a loop early when I found what I was looking for";
        try (ConceptRetriever encoding = new ConceptRetriever(curriculum, first)) {
            assertThat(first.added()).isNotEmpty().hasSize(first.used().size());
            second = EncodedViews.of(first.added());
            try (ConceptRetriever reusing = new ConceptRetriever(curriculum, second)) {
                assertThat(second.added()).isEmpty();
                assertThat(second.used()).isEqualTo(first.used());
                assertThat(reusing.evidence(question)).isDeepEqualTo(encoding.evidence(question));
            }
        }
    }

    @Test
    void theBuildEncodedEveryTextOfTheShippedCurriculum() {
        EncodedViews shipped = EncodedViews.of(EncodedViews.shipped());
        try (ConceptRetriever retriever = new ConceptRetriever(Curriculum.shipped(), shipped)) {
            assertThat(shipped.used()).hasSizeGreaterThan(160);
            assertThat(shipped.added()).isEmpty();
        }
    }

    @Test
    void aKeptVectorIsTheOneUsedAndAnUnknownTextIsEncoded() {
        Curriculum curriculum = Curriculum.shipped();
        CurriculumEntry entry = curriculum.entries().get(0);
        String keywordsView = entry.title() + ". " + String.join(", ", entry.keywords());
        Map<String, float[]> known = new HashMap<>();
        float[] planted = new float[384];
        planted[0] = 1;
        known.put(EncodedViews.digest(128, keywordsView), planted);
        EncodedViews views = EncodedViews.of(known);
        try (ConceptRetriever retriever = new ConceptRetriever(curriculum, views)) {
            assertThat(views.added()).doesNotContainKey(EncodedViews.digest(128, keywordsView))
                    .hasSize(views.used().size() - 1);
        }
        assertThat(EncodedViews.digest(128, keywordsView)).isNotEqualTo(EncodedViews.digest(64, keywordsView));
    }
}
