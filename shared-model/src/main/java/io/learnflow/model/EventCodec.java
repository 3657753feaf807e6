package io.learnflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON codec for every LearnFlow event: unknown fields are ignored (contracts grow by optional
 * fields), missing required fields are rejected with the field's name.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventCodec() {
    }

    public static String encode(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    public static <T> T decode(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new EventDecodingException(type.getSimpleName() + ": empty record", null);
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new EventDecodingException(type.getSimpleName() + ": " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException(type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
