package io.learnflow.triage.classification;

import io.learnflow.model.QueryType;

/** A labelled message as read by the classifier, with its sentence embedding. */
public record TrainingExample(String text, ReadMessage read, float[] embedding, QueryType label) {

    public static TrainingExample of(LabelledMessage message, Glossary glossary, SentenceEncoder encoder) {
        ReadMessage read = ReadMessage.of(new StudentMessage(message.text(), null, null), glossary);
        return new TrainingExample(message.text(), read, encoder.encode(read.prose()), message.label());
    }
}
