package dev.pdfvariants.text;

import java.util.Arrays;

/**
 * Characters counted by a {@code long} key (a font size's bits, a style number): the sums a
 * {@code HashMap<Long, Integer>} merged with {@code Integer::sum} would hold, without boxing a key
 * and a sum for every line of a document.
 */
final class CharCounts {
    private long[] keys = new long[16];
    private int[] counts = new int[16];
    private boolean[] used = new boolean[16];
    private int size;

    /** Adds {@code chars} to {@code key}'s sum (int arithmetic, as {@code Integer::sum}). */
    void add(long key, int chars) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (used[i]) {
            counts[i] += chars;
            return;
        }
        used[i] = true;
        keys[i] = key;
        counts[i] = chars;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The largest sum (0 when empty). */
    int maxCount() {
        int max = 0;
        boolean any = false;
        for (int i = 0; i < keys.length; i++) {
            if (used[i] && (!any || counts[i] > max)) {
                max = counts[i];
                any = true;
            }
        }
        return max;
    }

    /** The keys whose sum is {@code count}, in no particular order. */
    long[] keysWith(int count) {
        long[] found = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i] && counts[i] == count) {
                found[n++] = keys[i];
            }
        }
        return Arrays.copyOf(found, n);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        counts = new int[keys.length];
        used = new boolean[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int i = slot(oldKeys[j], mask);
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}
