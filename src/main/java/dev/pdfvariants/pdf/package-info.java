/** PDF and image helpers shared by the document variants: page ranges, bounded rendering, checked saving, image extraction, sanitizing, compression, watermarks. */
package dev.pdfvariants.pdf;
