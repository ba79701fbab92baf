package dev.pdfvariants.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import dev.pdfvariants.variant.Variant;
import dev.pdfvariants.variant.VariantRegistry;

/**
 * The variants a worker process knows: the standard catalog, plus any {@link Variant} registered
 * as a service ({@code META-INF/services/dev.pdfvariants.variant.Variant}) on its class path. The
 * product registers none; an embedder (or a test) that runs its own variants in worker processes
 * registers them there, since a worker is a fresh JVM built from the class path alone.
 */
final class WorkerCatalog {
    private WorkerCatalog() {
    }

    static VariantRegistry registry() {
        VariantRegistry standard = VariantRegistry.standard();
        List<Variant> extra = new ArrayList<>();
        ServiceLoader.load(Variant.class).forEach(extra::add);
        if (extra.isEmpty()) {
            return standard;
        }
        List<Variant> all = new ArrayList<>(standard.all());
        all.addAll(extra);
        return new VariantRegistry(all, standard.defaults());
    }
}
