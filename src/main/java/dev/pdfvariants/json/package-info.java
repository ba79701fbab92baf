/** The shared, deterministic JSON configuration. */
package dev.pdfvariants.json;
