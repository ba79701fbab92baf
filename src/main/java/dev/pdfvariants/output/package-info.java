/** Writing results: the output layout, atomic file writes, per-variant output staging and the run manifest. */
package dev.pdfvariants.output;
