package dev.pdfvariants.document;

/**
 * One file a variant wrote.
 *
 * @param path   relative to the output directory, with {@code /} separators
 * @param bytes  its size
 * @param sha256 the hex SHA-256 of its content, to verify it later
 */
public record OutputFile(String path, long bytes, String sha256) {
}
