package dev.pdfvariants.output;

import java.io.IOException;

/** Writes content to a stream; may throw {@link IOException}. */
@FunctionalInterface
public interface IoConsumer<T> {
    void accept(T target) throws IOException;
}
