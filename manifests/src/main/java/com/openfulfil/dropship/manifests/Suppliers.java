package com.openfulfil.dropship.manifests;

import com.openfulfil.dropship.events.topics.Topics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The suppliers a deployment is set up for, read from a file ({@code manifests/suppliers.yaml} in the
 * repository) so that adding one is a line of configuration, not a change to the generator:
 * <pre>
 * suppliers:
 *   - id: shenzhen-gadgets
 * </pre>
 * A file that cannot be used is refused whole, with the file and the entry named.
 */
public final class Suppliers {
    /** The repository's list, relative to the repository's root. */
    public static final String FILE = "manifests/suppliers.yaml";

    private Suppliers() {
    }

    /** The supplier ids the file lists, in its order. */
    public static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file; it lists the suppliers a deployment is set up for");
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read", e);
        }
    }

    static List<String> parse(String source, String yaml) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + " is not YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("suppliers") instanceof List<?> entries)) {
            throw new IllegalArgumentException(source + " must hold a list 'suppliers' of entries with an 'id'");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i) instanceof Map<?, ?> entry && entry.get("id") instanceof String s ? s : null;
            String where = source + ": suppliers[" + i + "]";
            if (id == null) {
                throw new IllegalArgumentException(where + " has no 'id'");
            }
            try {
                Topics.supplierDispatch(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            if (ids.contains(id)) {
                throw new IllegalArgumentException(where + ": " + id + " is listed twice");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }
}
