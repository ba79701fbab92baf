/** Logs, metrics and traces of a run. */
package dev.pdfvariants.telemetry;
