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

    /**
     * Parses {@code K/N} as written on the command line: K is 0-based (0 to N-1), like the
     * engines' task indexes ({@code JOB_COMPLETION_INDEX}, {@code CLOUD_RUN_TASK_INDEX}), so that
     * the label of {@code --shard 2/7} is {@code 2-of-7}. {@code K-of-N} is accepted too.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        String[] parts = t.split("/|-of-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: expected K/N, e.g. 0/4 for the first "
                    + "of 4 shards (K counts from 0 to N-1)");
        }
        int index;
        int count;
        try {
            index = Integer.parseInt(parts[0].trim());
            count = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: K and N must be whole numbers, "
                    + "as in 0/4");
        }
        if (count < 1) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: N must be at least 1");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard '" + text + "' does not exist: shards are numbered from 0, "
                    + "so K must be between 0 and " + (count - 1) + " (e.g. 0/" + count + " … " + (count - 1) + "/"
                    + count + ")");
        }
        return new Shard(index, count);
    }

    /** As written on the command line: {@code K/N}. */
    public String spec() {
        return index + "/" + count;
    }
}
