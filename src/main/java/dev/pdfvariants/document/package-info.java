/** One document: sniffing, loading it once, the artifacts shared by its variants, and its immutable result. */
package dev.pdfvariants.document;
