package dev.pdfvariants.config;

/**
 * Which part of the documents this run processes when a batch is split across machines.
 *
 * @param index this shard, from 0 to {@code count - 1}
 * @param count how many shards the batch is split into (1 = the whole batch)
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + " does not exist");
        }
    }

    /**
     * The shard's label: the Pushgateway {@code instance}, the manifest suffix, the event and
     * log field. Stable and unique within a batch.
     */
    public String label() {
        return index + "-of-" + count;
    }

    public boolean isWhole() {
        return count == 1;
    }
}
