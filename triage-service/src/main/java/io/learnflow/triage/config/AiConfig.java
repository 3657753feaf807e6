package io.learnflow.triage.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which classifier triage uses; the OpenAI connection itself is {@code quarkus.langchain4j.openai.*}. */
@ConfigMapping(prefix = "learnflow.ai")
public interface AiConfig {

    /** {@code embedded} (offline, the default) or {@code openai}. */
    @WithDefault("embedded")
    Mode mode();

    /** How long triage waits for the LLM before it classifies with the embedded model instead. */
    @WithDefault("5s")
    Duration timeout();

    enum Mode {
        EMBEDDED,
        OPENAI
    }
}
