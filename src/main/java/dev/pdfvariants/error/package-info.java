/** Exit codes, command-ending errors and per-document failure kinds, each with a remedy. */
package dev.pdfvariants.error;
