/** The output cache: what earlier runs completed, per document, so that a re-run or a resume after a crash redoes only what changed. */
package dev.pdfvariants.cache;
