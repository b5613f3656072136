package com.openfulfil.dropship.events.serde;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layout the binary format gives records (one line per record type reachable from some roots:
 * its components in order), and what an older layout would not survive. A service keeps the layout
 * of its stored records the same way the contract keeps its events': a test compares it with a
 * recorded copy.
 */
public final class BinaryLayout {
    private BinaryLayout() {
    }

    /** One line per record reachable from {@code roots}, sorted by name. */
    public static List<String> of(Collection<? extends Class<?>> roots) {
        Map<String, String> lines = new TreeMap<>();
        roots.forEach(root -> collect(root, lines));
        return List.copyOf(lines.values());
    }

    /** What changed between {@code recorded} and {@code current} that values written before cannot be read through. */
    public static List<String> incompatibilities(List<String> recorded, List<String> current) {
        Map<String, String> now = new TreeMap<>();
        current.forEach(line -> now.put(name(line), line));
        List<String> problems = new ArrayList<>();
        for (String before : recorded) {
            String after = now.get(name(before));
            if (after == null) {
                continue; // a record no longer written: its old values are simply not read
            }
            String oldComponents = components(before);
            String newComponents = components(after);
            if (!newComponents.equals(oldComponents) && !(oldComponents.isEmpty()
                    || newComponents.startsWith(oldComponents + ", "))) {
                problems.add(before + " became " + after + ": add components only at the end");
            }
        }
        return problems;
    }

    private static void collect(Type type, Map<String, String> lines) {
        if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                collect(arg, lines);
            }
            return;
        }
        if (!(type instanceof Class<?> cls)) {
            return;
        }
        if (cls.isRecord()) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> record = (Class<? extends Record>) cls;
            if (lines.putIfAbsent(cls.getSimpleName(), Binary.layout(record)) == null) {
                for (RecordComponent component : cls.getRecordComponents()) {
                    collect(component.getGenericType(), lines);
                }
            }
        } else if (cls.isSealed()) {
            for (Class<?> sub : cls.getPermittedSubclasses()) {
                collect(sub, lines);
            }
        }
    }

    private static String name(String line) {
        return line.substring(0, line.indexOf('('));
    }

    private static String components(String line) {
        return line.substring(line.indexOf('(') + 1, line.length() - 1);
    }
}
