package dev.pdfvariants.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one in-process event bus of a batch. Workers publish; the progress display, the manifest
 * collector, the metrics and the NDJSON sink subscribe. Delivery is synchronous and serialized
 * (one event at a time, to every listener in subscription order), so listeners need no locking
 * of their own and see events in a consistent order. A listener that throws is logged and does
 * not stop delivery to the others.
 * <p>
 * A listener that needs no order and is thread-safe (one that writes a file per document, say)
 * subscribes {@linkplain #subscribeConcurrent concurrently}: it gets each event on the publishing
 * thread after the ordered listeners, without the bus's lock, so its I/O never holds up another
 * worker's events.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<EventListener> concurrent = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    public EventBus subscribe(EventListener listener) {
        listeners.add(listener);
        return this;
    }

    /** A thread-safe listener that needs no order: called outside the bus's lock, after the ordered ones. */
    public EventBus subscribeConcurrent(EventListener listener) {
        concurrent.add(listener);
        return this;
    }

    public void publish(Event event) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            deliver(listeners, event);
        } finally {
            lock.unlock();
        }
        if (!concurrent.isEmpty() && !closed) {
            deliver(concurrent, event);
        }
    }

    private static void deliver(List<EventListener> to, Event event) {
        for (EventListener listener : to) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener {} failed on {}", listener.getClass().getSimpleName(), event.type(), e);
            }
        }
    }

    private static List<EventListener> concat(List<EventListener> a, List<EventListener> b) {
        List<EventListener> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Closes every listener once; later events are dropped. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (EventListener listener : concat(listeners, concurrent)) {
                try {
                    listener.close();
                } catch (RuntimeException e) {
                    LOG.warn("event listener {} failed to close", listener.getClass().getSimpleName(), e);
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
