package dev.pdfvariants.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EventBusTest {
    private static Event started(String id) {
        return new Event.BatchStarted(id, List.of("text"), 2, "out");
    }

    @Test
    void aConcurrentListenerDoesNotHoldUpAnotherThreadsEvents() throws Exception {
        CountDownLatch inSlowListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ordered = new CopyOnWriteArrayList<>();
        try (EventBus bus = new EventBus()) {
            bus.subscribe(e -> ordered.add(((Event.BatchStarted) e).batchId()));
            bus.subscribeConcurrent(e -> {
                if (((Event.BatchStarted) e).batchId().equals("slow")) {
                    inSlowListener.countDown();
                    await(release);
                }
            });
            Thread first = new Thread(() -> bus.publish(started("slow")));
            first.start();
            assertTrue(inSlowListener.await(10, TimeUnit.SECONDS));
            // the first event's concurrent listener is still busy: the bus's lock must be free
            Thread second = new Thread(() -> bus.publish(started("next")));
            second.start();
            second.join(10_000);
            assertEquals(List.of("slow", "next"), ordered, "the second event was delivered while the first listener ran");
            release.countDown();
            first.join(10_000);
        }
    }

    @Test
    void orderedListenersSeeAnEventBeforeConcurrentOnesAndCloseClosesBoth() {
        List<String> seen = new CopyOnWriteArrayList<>();
        EventBus bus = new EventBus();
        bus.subscribeConcurrent(recording(seen, "concurrent"));
        bus.subscribe(recording(seen, "ordered"));
        bus.publish(started("a"));
        bus.close();
        bus.publish(started("dropped"));
        assertEquals(List.of("ordered", "concurrent", "ordered closed", "concurrent closed"), seen);
    }

    /** A listener noting {@code name} for each event and {@code name closed} when closed. */
    private static EventListener recording(List<String> seen, String name) {
        return new EventListener() {
            @Override
            public void onEvent(Event event) {
                seen.add(name);
            }

            @Override
            public void close() {
                seen.add(name + " closed");
            }
        };
    }

        private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
