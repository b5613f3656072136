package com.openfulfil.dropship.events.serde;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.openfulfil.dropship.events.Event;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON mapping of the contract. Money is written as a string ("19.90") so no reader
 * turns it into a float; absent optional fields are left out; fields a reader does not know are
 * ignored, so adding a field never breaks an older consumer.
 */
public final class Json {
    private static final List<Class<? extends Event>> EVENT_TYPES = Event.FAMILIES.stream()
            .flatMap(family -> concreteTypes(family).stream())
            .toList();
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .registerSubtypes(EVENT_TYPES.stream().map(t -> new NamedType(t, t.getSimpleName())).toArray(NamedType[]::new))
            .build();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Every concrete event record of the contract, found by walking the sealed hierarchy. */
    public static List<Class<? extends Event>> eventTypes() {
        return EVENT_TYPES;
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Event>> concreteTypes(Class<?> root) {
        List<Class<? extends Event>> found = new ArrayList<>();
        if (root.isRecord()) {
            found.add((Class<? extends Event>) root);
        } else if (root.isSealed()) {
            for (Class<?> sub : root.getPermittedSubclasses()) {
                found.addAll(concreteTypes(sub));
            }
        }
        return List.copyOf(found);
    }
}
