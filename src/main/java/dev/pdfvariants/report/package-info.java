/** {@code pdfvariants report}: merging the manifests of a sharded batch into one report, and checking it is complete. */
package dev.pdfvariants.report;
