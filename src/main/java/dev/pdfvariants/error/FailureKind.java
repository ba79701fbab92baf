package dev.pdfvariants.error;

/**
 * Why one document (or one variant of it) failed. The {@link #id()} is written to the manifest
 * and events and is stable; {@link #remedy()} tells the user what to do. {@link #transientFailure()}
 * says whether trying again may help (the retry policy reads it).
 */
public enum FailureKind {
    NOT_FOUND("not-found", false, "Check the path; the file may have been moved or deleted during the run."),
    EMPTY_FILE("empty-file", false, "The file is zero bytes long: re-download or re-export it, or exclude it with --exclude."),
    NOT_A_PDF("not-a-pdf", false, "The file is not a PDF despite its name: exclude it with --exclude, or fix the export that produced it."),
    CORRUPT("corrupt", false, "The PDF is damaged beyond what the parser can recover; `qpdf --check FILE` shows details, and `qpdf FILE fixed.pdf` may repair it."),
    PASSWORD_REQUIRED("password-required", false, "The PDF is encrypted: pass its password with --password-file FILE or the PDFVARIANTS_PASSWORD environment variable."),
    WRONG_PASSWORD("wrong-password", false, "The password given does not open this PDF: check --password-file / PDFVARIANTS_PASSWORD."),
    RESTRICTED("restricted", false, "The PDF's owner forbids this (changing, assembling or copying from it): pass the owner password with --password-file or PDFVARIANTS_PASSWORD if you may, or leave this variant out."),
    LIMIT_EXCEEDED("limit-exceeded", false, "The document exceeds a configured limit; raise the limit (see `pdfvariants run --help`) if it is trusted."),
    TIMEOUT("timeout", false, "The document took longer than --timeout; raise --timeout, or use --isolation process for hostile files."),
    OUT_OF_MEMORY("oom", false, "The document needs more memory than the heap allows; raise the heap (PDFVARIANTS_JAVA_OPTS=-Xmx...) or lower --workers."),
    CRASHED("crashed", false, "The worker processing this document died; the file is probably hostile. Run it alone with --verbose to see why."),
    IO_ERROR("io-error", true, "Reading the file failed; check the storage (network mounts, permissions) and re-run: completed outputs are kept."),
    PROCESSING_ERROR("processing-error", false, "The PDF may be malformed in a way the parser did not expect; try `pdfvariants inspect FILE`. If the file opens elsewhere, please report a bug."),
    OUTPUT_ERROR("output-error", false, "Writing an output failed; check free space and permissions of the output directory."),
    OUTPUT_COLLISION("output-collision", false, "Two inputs map to the same output directory; run them with different -o directories or rename one."),
    PROVIDER_ERROR("provider-error", true, "The language-model provider failed; check --provider-url and the provider's status, then re-run (done chunks are kept)."),
    INTERNAL("internal-error", false, "An unexpected error: please report it with the file and the output of --verbose.");

    private final String id;
    private final boolean transientFailure;
    private final String remedy;

    FailureKind(String id, boolean transientFailure, String remedy) {
        this.id = id;
        this.transientFailure = transientFailure;
        this.remedy = remedy;
    }

    public String id() {
        return id;
    }

    public boolean transientFailure() {
        return transientFailure;
    }

    public String remedy() {
        return remedy;
    }
}
