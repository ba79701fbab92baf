package dev.pdfvariants.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.variant.Variant;
import dev.pdfvariants.variant.VariantKind;
import dev.pdfvariants.variant.VariantRegistry;

/**
 * Deliberately misbehaving variants, to prove retries, time-outs, isolation and clean stops. Each
 * counts its attempts in a file next to the input ({@code <input>.attempts-<variant>}), so that
 * the count survives worker processes. Most misbehave only on documents whose file name says so
 * ({@code hang}, {@code hog}, {@code crash}, {@code stuck}) and write a small output otherwise.
 * They are registered as services (see {@code META-INF/services}), so worker processes started
 * from the test class path know them too.
 */
public final class TestVariants {
    private TestVariants() {
    }

    /** The standard catalog plus the test variants. */
    public static VariantRegistry registry() {
        return registry(new Versioned());
    }

    /** The standard catalog plus the test variants, with {@code versioned} at the version given. */
    public static VariantRegistry registry(Versioned versioned) {
        VariantRegistry standard = VariantRegistry.standard();
        List<Variant> all = new ArrayList<>(standard.all());
        all.addAll(List.of(new FlakyIo(), new AlwaysCorrupt(), new Hostile(), new Slow(), versioned));
        return new VariantRegistry(all, standard.defaults());
    }

    /** How many times {@code variant} ran on {@code input}. */
    public static int attempts(Path input, String variant) throws IOException {
        Path counter = counter(input, variant);
        return Files.exists(counter) ? (int) Files.size(counter) : 0;
    }

    static Path counter(Path input, String variant) {
        return input.resolveSibling(input.getFileName() + ".attempts-" + variant);
    }

    static int countAttempt(DocumentContext document, String variant) throws IOException {
        Path counter = counter(document.source().path(), variant);
        Files.write(counter, new byte[] {'x'}, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return (int) Files.size(counter);
    }

    /** True in a worker process: misbehaving there cannot harm the test JVM. */
    static boolean inWorkerProcess() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().equals("dev.pdfvariants.isolation.WorkerLoop")));
    }

    private abstract static class TestVariant implements Variant {
        @Override
        public VariantKind kind() {
            return VariantKind.CONTENT;
        }

        @Override
        public String description() {
            return "test: " + name();
        }

        @Override
        public List<String> outputs() {
            return List.of(name() + ".txt");
        }

        @Override
        public int version() {
            return 1;
        }

        static String name(DocumentContext document) {
            return document.source().path().getFileName().toString();
        }
    }

    /** Fails with a transient I/O error on its first attempt at each document, then succeeds. */
    public static final class FlakyIo extends TestVariant {
        @Override
        public String name() {
            return "flaky-io";
        }

        @Override
        public void generate(DocumentContext document, OutputSink out) throws Exception {
            if (countAttempt(document, name()) == 1) {
                throw new DocumentFailure(FailureKind.IO_ERROR, "reading the input failed: Input/output error (simulated)");
            }
            out.writeString("flaky-io.txt", "ok after a retry\n");
        }
    }

    /** Fails every time as a corrupt PDF would (an IOException from the content). */
    public static final class AlwaysCorrupt extends TestVariant {
        @Override
        public String name() {
            return "always-corrupt";
        }

        @Override
        public void generate(DocumentContext document, OutputSink out) throws Exception {
            countAttempt(document, name());
            throw new IOException("Error: Expected a long type at offset 1234 (simulated damage)");
        }
    }

    /**
     * Misbehaves by file name: {@code hang} loops forever (ignoring interrupts) everywhere;
     * {@code stuck} only in a worker thread; {@code hog} exhausts the heap and {@code crash} ends
     * the JVM, only in a worker process. Otherwise writes the process id that ran it.
     */
    public static final class Hostile extends TestVariant {
        @Override
        public String name() {
            return "hostile";
        }

        @Override
        public void generate(DocumentContext document, OutputSink out) throws Exception {
            countAttempt(document, name());
            String file = name(document);
            boolean worker = inWorkerProcess();
            if (file.contains("hang") || (file.contains("stuck") && !worker)) {
                spinForever();
            }
            if (file.contains("hog") && worker) {
                List<long[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new long[1 << 20]);
                }
            }
            if (file.contains("crash") && worker) {
                Runtime.getRuntime().halt(77);
            }
            out.writeString("hostile.txt", ProcessHandle.current().pid() + "\n");
        }

        @SuppressWarnings("InfiniteLoopStatement")
        private static void spinForever() {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // a stuck parser does not listen either
                }
            }
        }
    }

    /**
     * Takes {@code PDFVARIANTS_TEST_SLOW_MS} (default 300) per document, then writes
     * {@code slow.txt}; appends the document's path to the file named by
     * {@code PDFVARIANTS_TEST_LOG}, if set, each time it completes one, and to the file named by
     * {@code PDFVARIANTS_TEST_STARTED_LOG}, if set, each time it starts one.
     */
    public static final class Slow extends TestVariant {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public void generate(DocumentContext document, OutputSink out) throws Exception {
            appendLine(System.getenv("PDFVARIANTS_TEST_STARTED_LOG"), document.source().relativePath());
            long millis = Long.parseLong(System.getenv().getOrDefault("PDFVARIANTS_TEST_SLOW_MS", "300"));
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                document.cancellation().checkpoint();
                Thread.sleep(Math.max(1, Math.min(20, (end - System.nanoTime()) / 1_000_000)));
            }
            out.writeString("slow.txt", document.sha256() + "\n");
            appendLine(System.getenv("PDFVARIANTS_TEST_LOG"), document.source().relativePath());
        }

        private static void appendLine(String file, String line) throws IOException {
            if (file != null) {
                synchronized (Slow.class) {
                    Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
            }
        }
    }

    /** Writes its version: to prove that a new version of a variant redoes its cached outputs. */
    public static final class Versioned extends TestVariant {
        private final int version;

        public Versioned() {
            this(1);
        }

        public Versioned(int version) {
            this.version = version;
        }

        @Override
        public String name() {
            return "versioned";
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public void generate(DocumentContext document, OutputSink out) throws Exception {
            countAttempt(document, name());
            out.writeString("versioned.txt", "version " + version() + "\n");
        }
    }
}
