package dev.pdfvariants.schedule;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A count of jobs started but not yet reported, which callers can wait to reach zero. */
public final class Outstanding {
    private int count;

    public synchronized void increment() {
        count++;
    }

    public synchronized void decrement() {
        if (--count == 0) {
            notifyAll();
        }
    }

    /** Waits until the count is zero. */
    public synchronized void awaitZero() throws InterruptedException {
        while (count > 0) {
            wait(1_000);
        }
    }

    /** Waits at most {@code limit} for the count to be zero; returns whether it is. */
    public synchronized boolean awaitZero(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count > 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 1_000));
        }
        return true;
    }
}
