/** The human view of a batch on stderr: failures with remedies, progress, the final summary. */
package dev.pdfvariants.progress;
