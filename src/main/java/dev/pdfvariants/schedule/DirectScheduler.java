package dev.pdfvariants.schedule;

import java.util.function.Consumer;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.document.Cancellation;
import dev.pdfvariants.document.DocumentResult;

/**
 * Runs each job in the calling thread, one after another, without a time limit: the serial
 * executor with the pool's interface, for tests and for embedding where threads are not wanted.
 */
public final class DirectScheduler implements Scheduler {

    @Override
    public void submit(SourceFile document, Job job, Consumer<DocumentResult> onDone) {
        DocumentResult result;
        try {
            result = job.run(Cancellation.none());
        } catch (RuntimeException | Error e) {
            result = job.crashed(e);
        }
        onDone.accept(result);
    }

    @Override
    public void awaitCompletion() {
        // every job completed inside submit
    }

    @Override
    public void close() {
        // nothing to release
    }
}
