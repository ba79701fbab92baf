package dev.pdfvariants.provider;

/**
 * Who makes a request, for its events, spans and log lines.
 *
 * @param path    the document's relative path
 * @param variant the variant asking
 * @param chunk   the chunk of the document (0-based)
 */
record Call(String path, String variant, int chunk) {
}
