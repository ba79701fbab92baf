package dev.pdfvariants.discover;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that computes its next element on demand: subclasses implement {@link #advance()},
 * which returns the next element or null at the end. Discovery's walks, stdin lists and shard
 * filters are all of this shape.
 */
abstract class Lookahead<T> implements Iterator<T> {
    private T next;
    private boolean done;

    /** The next element, or null when there is none (it is not called again after that). */
    protected abstract T advance();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T result = next;
        next = null;
        return result;
    }
}
