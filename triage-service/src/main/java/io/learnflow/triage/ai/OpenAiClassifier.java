package io.learnflow.triage.ai;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.langchain4j.model.chat.ChatModel;
import io.learnflow.triage.classification.Classification;
import io.learnflow.triage.classification.OpenAiChatClassifier;
import io.learnflow.triage.classification.StudentMessage;
import io.quarkus.arc.Unremovable;

/** The classifier's OpenAI path ({@link OpenAiChatClassifier}) over quarkus-langchain4j's configured chat model. */
@ApplicationScoped
@Unremovable
public class OpenAiClassifier {

    private final OpenAiChatClassifier classifier;

    public OpenAiClassifier(ChatModel model,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name",
                    defaultValue = "gpt-4o-mini") String modelName) {
        this.classifier = new OpenAiChatClassifier(model, modelName);
    }

    public String name() {
        return classifier.name();
    }

    /** Blocking: the model's answer, or an exception if the call fails or the answer does not follow the schema. */
    public Classification classify(StudentMessage message) {
        return classifier.classify(message);
    }
}
