package dev.pdfvariants.isolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pdfvariants.config.Io;
import dev.pdfvariants.config.RunOptions;
import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.event.EventBus;
import dev.pdfvariants.output.OutputLayout;
import dev.pdfvariants.resilience.BatchGuard;
import dev.pdfvariants.resilience.Safeguards;
import dev.pdfvariants.schedule.DocumentProcessor;
import dev.pdfvariants.variant.Variant;
import dev.pdfvariants.variant.VariantRegistry;

/**
 * The loop of a worker process ({@code run … --isolation-worker}): reads one document request a
 * line from stdin, processes it with the same {@link DocumentProcessor} and safeguards as a worker
 * thread would (writing its outputs atomically into the output directory), and answers with the
 * events it published and its result. It ends when stdin closes; if stdin closes while a document
 * is being processed, the parent is gone, and the worker exits at once rather than finish work
 * nobody will record. SIGINT and SIGTERM are ignored: the parent decides when its workers stop.
 */
public final class WorkerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);
    private static final String END = "\u0000end";

    private final VariantRegistry registry;

    public WorkerLoop(VariantRegistry registry) {
        this.registry = registry;
    }

    public ExitCode serve(RunOptions options, Io io) {
        BatchGuard.ignoreSignals();
        List<Variant> variants = registry.resolve(options.variants());
        OutputLayout layout = new OutputLayout(io.workingDirectory().resolve(options.output()));
        PrintWriter protocol = io.out();
        EventBus bus = new EventBus();
        bus.subscribe(event -> send(protocol, WorkerProtocol.event(event)));
        DocumentProcessor processor = new DocumentProcessor(variants, options.settings(),
                new PdfLoader(options.password()), layout, bus, Safeguards.forRun(options, variants, layout, bus));

        AtomicBoolean busy = new AtomicBoolean();
        BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readRequests(io, requests, busy), "pdfvariants-worker-stdin");
        reader.setDaemon(true);
        reader.start();
        send(protocol, WorkerProtocol.ready());
        try {
            for (String line = requests.take(); !line.equals(END); line = requests.take()) {
                WorkerProtocol.Request request = WorkerProtocol.decode(line, WorkerProtocol.Request.class);
                busy.set(true);
                DocumentResult result = processor.process(new SourceFile(Path.of(request.path()),
                        request.relativePath()), Cancellation.none());
                send(protocol, WorkerProtocol.result(result));
                busy.set(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("unreadable request from the parent process", e);
            return ExitCode.INTERNAL_ERROR;
        }
        bus.close();
        return ExitCode.OK;
    }

    private static void readRequests(Io io, BlockingQueue<String> requests, AtomicBoolean busy) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    requests.add(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("stdin of the worker failed", e);
        }
        if (busy.get()) {
            // the parent is gone in the middle of a document: nobody will record what this worker does
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
        }
        requests.add(END);
    }

    private static void send(PrintWriter protocol, String line) {
        synchronized (protocol) {
            protocol.print(line);
            protocol.print('\n');
            protocol.flush();
        }
    }
}
