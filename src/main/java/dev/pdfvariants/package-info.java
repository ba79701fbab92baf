/**
 * pdfvariants: a batch processor that turns directories of PDFs into derived variants.
 * <p>
 * The packages follow the data's path: {@code cli} (picocli, the only place that knows it) →
 * {@code config} → {@code discover} → {@code schedule} → {@code document} (each PDF loaded once)
 * → {@code variant} (one class each) → {@code output} (atomic writes, manifest), with
 * {@code event} connecting progress, manifest and telemetry subscribers.
 */
package dev.pdfvariants;
