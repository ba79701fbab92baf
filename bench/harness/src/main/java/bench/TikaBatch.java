package bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.pipes.PipesConfigBase;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

/**
 * tika-app 3.x's directory batch mode, {@code java -jar tika-app.jar -i IN -o OUT -n N --handler t},
 * reproduced from served artifacts: tika-app (and tika-async-cli, tika-serialization) is not served
 * by this machine's Maven registry, tika-parsers-standard-package (tika-app's parser set) is.
 *
 * <p>In 3.x, {@code -i/-o} runs Tika Pipes: the parent forks N child JVMs with its own class path
 * and no heap option, and hands each child one file at a time over the child's stdin, waiting for
 * the result on its stdout. The child opens the file from the file system, parses it with the
 * AutoDetectParser of the default configuration (every parser on the class path) through a
 * RecursiveParserWrapper (embedded documents parsed recursively) into a text handler without a
 * write limit, and writes the list of metadata maps, each document's text under
 * {@code X-TIKA:content}, as {@code OUT/<relative path>.json} (tika-async-cli emits from the child).
 * A file that takes longer than Tika Pipes' default parse timeout kills its child, a child that
 * dies (OOM, crash) is restarted, and either way the file counts as failed; a child is also
 * restarted after Tika Pipes' default number of files per process.
 *
 * <p>Usage: TikaBatch IN_DIR OUT_DIR N. Walks IN_DIR for *.pdf (sorted), prints the number of
 * failed files as its last line (a parse exception counts, with its JSON still written, as Tika
 * does), exits 0. The child is this class with {@value #CHILD} as its first argument.
 */
public final class TikaBatch {
    static final String CHILD = "--child";
    private static final long TIMEOUT_MILLIS = PipesConfigBase.DEFAULT_TIMEOUT_MILLIS;
    private static final long STARTUP_TIMEOUT_MILLIS = PipesConfigBase.DEFAULT_STARTUP_TIMEOUT_MILLIS;
    private static final int MAX_FILES_PER_CHILD = PipesConfigBase.DEFAULT_MAX_FILES_PROCESSED_PER_PROCESS;
    private static final String READY = "ready";
    private static final String OK = "ok";
    private static final String FAILED = "failed";
    private static final String EOF = "\u0000eof"; // the reader's mark that the child's stdout closed

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && CHILD.equals(args[0])) {
            child(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        Path in = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        int clients = Integer.parseInt(args[2]);
        List<String> files = Loops.pdfs(in).stream().map(p -> in.relativize(p).toString()).toList();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try {
                    new Client(in, out).work(files, next, done, failed);
                } catch (IOException | InterruptedException e) {
                    System.err.println("tika batch: client gave up: " + e);
                }
            }, "pipes-client-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        // files no client got to (every child failed to start) count as failed too
        System.out.println(failed.get() + files.size() - done.get());
        System.exit(0);
    }

    /** The parent's side of one child JVM, like Tika Pipes' PipesClient. */
    private static final class Client {
        private final Path in;
        private final Path out;
        private Process process;
        private Writer toChild;
        private BlockingQueue<String> fromChild;
        private int filesInChild;

        Client(Path in, Path out) {
            this.in = in;
            this.out = out;
        }

        void work(List<String> files, AtomicInteger next, AtomicInteger done, AtomicInteger failed)
                throws IOException, InterruptedException {
            start();
            for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                if (filesInChild >= MAX_FILES_PER_CHILD) {
                    stop(false);
                    start();
                }
                filesInChild++;
                String result;
                try {
                    toChild.write(files.get(i) + "\n");
                    toChild.flush();
                    result = fromChild.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (IOException e) {
                    result = EOF; // the child had died: a broken pipe
                }
                done.incrementAndGet();
                if (OK.equals(result)) {
                    continue;
                }
                failed.incrementAndGet();
                if (!FAILED.equals(result)) { // timed out (null) or died (EOF): kill, wait, start anew
                    System.err.println("tika batch: " + files.get(i) + (result == null ? ": timed out" : ": child died"));
                    stop(true);
                    start();
                }
            }
            stop(false);
        }

        private void start() throws IOException, InterruptedException {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                    TikaBatch.class.getName(), CHILD, in.toString(), out.toString());
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            toChild = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            fromChild = lines;
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try (stdout) {
                    for (String line; (line = stdout.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the child was killed: same as its end
                }
                lines.add(EOF);
            }, "pipes-client-reader");
            reader.setDaemon(true);
            reader.start();
            filesInChild = 0;
            if (!READY.equals(lines.poll(STARTUP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))) {
                stop(true);
                throw new IOException("the child JVM did not start");
            }
        }

        /** Ends the child, killed or by closing its stdin, and reaps it, so its CPU time counts in ours. */
        private void stop(boolean kill) throws InterruptedException {
            if (kill) {
                process.destroyForcibly();
            } else {
                try {
                    toChild.close();
                } catch (IOException e) {
                    process.destroyForcibly();
                }
            }
            process.waitFor();
        }
    }

    /** A child JVM, like Tika Pipes' PipesServer: one relative path a line in, "ok" or "failed" a line out. */
    private static void child(Path in, Path out) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // a parser that prints must not garble the protocol, as in PipesServer
        Parser parser = new RecursiveParserWrapper(new AutoDetectParser());
        JsonFactory json = new JsonFactory();
        protocol.println(READY);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String rel; (rel = commands.readLine()) != null; ) {
            protocol.println(parseAndEmit(parser, json, in.resolve(rel), out.resolve(rel + ".json")) ? OK : FAILED);
        }
        System.exit(0); // stdin closed: done, whatever threads a parser left behind
    }

    private static boolean parseAndEmit(Parser parser, JsonFactory json, Path source, Path target) {
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, -1));
        Metadata metadata = new Metadata();
        boolean ok = true;
        try (TikaInputStream stream = TikaInputStream.get(source, metadata)) {
            parser.parse(stream, handler, metadata, new ParseContext());
        } catch (OutOfMemoryError e) {
            Runtime.getRuntime().halt(1); // as a Pipes child dies of it: the parent restarts this JVM
        } catch (Throwable e) {
            ok = false; // Tika still emits what it has, the container exception in its metadata
            if (!handler.getMetadataList().isEmpty()
                    && handler.getMetadataList().get(0).get(TikaCoreProperties.CONTAINER_EXCEPTION) == null) {
                handler.getMetadataList().get(0).set(TikaCoreProperties.CONTAINER_EXCEPTION, e.toString());
            }
        }
        try {
            Files.createDirectories(target.getParent());
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                    JsonGenerator g = json.createGenerator(w)) {
                writeMetadataList(handler.getMetadataList(), g);
            }
        } catch (IOException e) {
            ok = false;
        }
        return ok;
    }

    /** The shape of tika-serialization's JsonMetadataList: one object per document, arrays for repeated keys. */
    private static void writeMetadataList(List<Metadata> list, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (Metadata m : list) {
            g.writeStartObject();
            for (String name : m.names()) {
                String[] values = m.getValues(name);
                if (values.length == 1) {
                    g.writeStringField(name, values[0]);
                } else if (values.length > 1) {
                    g.writeArrayFieldStart(name);
                    for (String v : values) {
                        g.writeString(v);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private TikaBatch() {
    }
}
