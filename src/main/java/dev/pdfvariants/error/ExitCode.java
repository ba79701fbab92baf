package dev.pdfvariants.error;

/**
 * The process exit codes. Their numbers are a public contract (scripts, CI and cluster engines
 * branch on them): never renumber, only add.
 */
public enum ExitCode {
    OK(0, "all documents succeeded (or were already up to date)"),
    DOCUMENTS_FAILED(1, "one or more documents failed (see the manifest)"),
    USAGE(2, "usage or configuration error"),
    INPUT_NOT_FOUND(3, "input not found or not readable"),
    OUTPUT_NOT_WRITABLE(4, "output not writable, or locked by another run"),
    NOTHING_TO_DO(5, "no PDF matched the inputs and filters"),
    SHARDS_INCOMPLETE(6, "report: a shard's manifest is missing or duplicated, or shards overlap"),
    INTERNAL_ERROR(70, "internal error (a bug: please report it)"),
    INTERRUPTED(130, "interrupted (SIGINT) after a clean stop"),
    TERMINATED(143, "terminated (SIGTERM) after a clean stop");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
