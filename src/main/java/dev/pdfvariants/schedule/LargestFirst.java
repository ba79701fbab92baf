package dev.pdfvariants.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

import dev.pdfvariants.discover.SourceFile;
import dev.pdfvariants.output.OutputLayout;

/**
 * Hands out discovered documents largest first within a bounded look-ahead window, so that the
 * big documents of a folder start early and a batch does not end with one worker busy on a large
 * file while the others wait. Discovery stays lazy: at most {@code window} documents are read
 * ahead, and none while a worker is idle (the first documents start at once, and a slow stdin
 * list never holds a free worker back).
 * <p>
 * The order is a pure function of the discovered sequence and the file sizes, except for how far
 * the window has filled when a worker is idle; outputs and manifests never depend on it (the
 * manifest is sorted by path). Documents whose output directories would collide (same
 * {@link OutputLayout#documentKey key}) keep their discovery order, one right after the other,
 * so the first discovered keeps the directory as without the window.
 */
final class LargestFirst implements Iterator<SourceFile> {
    /** Documents read ahead of the workers at most. */
    static final int WINDOW = 256;

    /** The documents of one output directory, in discovery order, and the size of the first. */
    private static final class Group {
        final long size;
        final long sequence;
        final List<SourceFile> members = new ArrayList<>(1);

        Group(long size, long sequence) {
            this.size = size;
            this.sequence = sequence;
        }
    }

    private final Iterator<SourceFile> discovered;
    private final int window;
    private final BooleanSupplier workerIdle;
    private final Map<String, Group> byKey = new HashMap<>();
    private final PriorityQueue<Group> largest = new PriorityQueue<>(
            Comparator.comparingLong((Group g) -> -g.size).thenComparingLong(g -> g.sequence));
    private final Deque<SourceFile> handingOut = new ArrayDeque<>();
    private int buffered;
    private long sequence;

    /**
     * @param discovered the documents in discovery order
     * @param window     how many documents to read ahead at most
     * @param workerIdle whether a worker is waiting for a document right now
     */
    LargestFirst(Iterator<SourceFile> discovered, int window, BooleanSupplier workerIdle) {
        this.discovered = discovered;
        this.window = Math.max(1, window);
        this.workerIdle = workerIdle;
    }

    @Override
    public boolean hasNext() {
        return !handingOut.isEmpty() || !largest.isEmpty() || discovered.hasNext();
    }

    @Override
    public SourceFile next() {
        if (handingOut.isEmpty()) {
            fill();
            Group group = largest.poll();
            if (group == null) {
                throw new NoSuchElementException();
            }
            byKey.remove(OutputLayout.documentKey(group.members.get(0).relativePath()));
            handingOut.addAll(group.members);
        }
        buffered--;
        return handingOut.poll();
    }

    /** Reads ahead until the window is full, or just one document while a worker waits. */
    private void fill() {
        while (buffered < window && discovered.hasNext() && (largest.isEmpty() || !workerIdle.getAsBoolean())) {
            SourceFile source = discovered.next();
            buffered++;
            String key = OutputLayout.documentKey(source.relativePath());
            Group group = byKey.get(key);
            if (group == null) {
                group = new Group(size(source), sequence++);
                byKey.put(key, group);
                largest.add(group);
            }
            group.members.add(source);
        }
    }

    private static long size(SourceFile source) {
        try {
            return Files.size(source.path());
        } catch (IOException | SecurityException e) {
            return -1; // it fails fast anyway (not found, unreadable)
        }
    }
}
