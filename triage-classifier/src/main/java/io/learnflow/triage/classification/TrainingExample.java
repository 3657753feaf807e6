package io.learnflow.triage.classification;

import io.learnflow.model.QueryType;

/**
 * A labelled message as read by the classifier, with its word-piece vector, its MiniLM sentence embedding and how
 * much it counts in training ({@link TrainingSets#weight()}).
 */
public record TrainingExample(String text, ReadMessage read, float[] wordPieces, float[] embedding, QueryType label,
        float weight) {

    public static TrainingExample of(LabelledMessage message, float weight, Glossary glossary,
            WordPieceVectors wordPieces, SentenceEncoder encoder) {
        ReadMessage read = ReadMessage.of(new StudentMessage(message.text(), null, null), glossary);
        return new TrainingExample(message.text(), read, wordPieces.embed(read.prose()), encoder.encode(read.prose()),
                message.label(), weight);
    }

    public TrainingExample withWeight(float newWeight) {
        return new TrainingExample(text, read, wordPieces, embedding, label, newWeight);
    }
}
