package org.pollwatch.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Request bodies are read strictly: a repeated key, a number where text is expected (or text where
 * a number is), a number of days where a date is expected, a date outside
 * {@link InputLimits#EARLIEST_DATE}..{@link InputLimits#LATEST_DATE}, a NUL or other control
 * character in a string, and documents nested or sized beyond the stream limits are all 400s naming
 * the field, instead of being coerced or reaching the database.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Nesting depth of a request body; a poll document needs about 8. */
    static final int MAX_NESTING = 64;

    /** Characters of one string value (the longest column holds 2,000). */
    static final int MAX_STRING_LENGTH = 100_000;

    /** Digits of one number. */
    static final int MAX_NUMBER_LENGTH = 40;

    /** After Quarkus's own customizer, so that these deserializers win over the modules it registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("pollwatch-strict-json");
        module.addDeserializer(String.class, new StrictStringDeserializer());
        module.setDeserializerModifier(new BoundedDates());
        mapper.registerModule(module);
    }

    /** Text only from JSON strings, and never with control characters. */
    static final class StrictStringDeserializer extends StdScalarDeserializer<String> {

        StrictStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            int bad = InputLimits.invalidCharacter(text);
            if (bad >= 0) {
                throw JsonMappingException.from(p, InputLimits.invalidCharacterMessage(bad));
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Wraps whichever LocalDate deserializer the modules registered: ISO strings only, within the accepted range. */
    static final class BoundedDates extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return description.getBeanClass() == LocalDate.class ? new BoundedLocalDate(deserializer) : deserializer;
        }
    }

    static final class BoundedLocalDate extends DelegatingDeserializer {

        BoundedLocalDate(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new BoundedLocalDate(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            Object date = super.deserialize(p, ctxt);
            if (date instanceof LocalDate d && !InputLimits.dateInRange(d)) {
                throw JsonMappingException.from(p, InputLimits.dateRangeMessage());
            }
            return date;
        }
    }
}
