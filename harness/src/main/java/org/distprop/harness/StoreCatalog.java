package org.distprop.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.distprop.methods.MethodFactory;
import org.distprop.methods.MethodRegistry;
import org.distprop.store.MethodCatalog;

/** Writes the method registry's presentations (label, colour, rank) into a results store's {@link MethodCatalog}. */
public final class StoreCatalog {
    private StoreCatalog() {
    }

    /** Every registered method's {@link MethodFactory#presentation()} into {@code results}/methods.json (a warning if it cannot). */
    public static void write(Path results) {
        Map<String, MethodCatalog.Entry> entries = new LinkedHashMap<>();
        for (MethodFactory f : MethodRegistry.factories()) {
            MethodFactory.Presentation p = f.presentation();
            entries.put(f.name(), new MethodCatalog.Entry(p.label(), p.color(), p.rank()));
        }
        try {
            MethodCatalog.write(results, entries);
        } catch (IOException e) {
            System.err.println("distprop: warning: cannot write " + results.resolve(MethodCatalog.FILE) + " (" + e.getMessage()
                    + "); the report will show method names instead of labels");
        }
    }
}
