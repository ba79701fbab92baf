package dev.pdfvariants.event;

/** A subscriber of the {@link EventBus}. Called on one thread at a time, in publication order. */
@FunctionalInterface
public interface EventListener {
    void onEvent(Event event);

    /** Called once when the bus closes, after the last event: flush and release resources here. */
    default void close() {
    }
}
