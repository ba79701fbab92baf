/** Finding the PDFs to process: directory walks, globs, explicit files and stdin lists. */
package dev.pdfvariants.discover;
