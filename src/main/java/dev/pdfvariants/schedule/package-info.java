/** Running the batch: the runner, the bounded worker pool with per-document time limits, and the per-document job. */
package dev.pdfvariants.schedule;
