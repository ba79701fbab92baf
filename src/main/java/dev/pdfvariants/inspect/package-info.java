/** {@code pdfvariants inspect}: the facts about one PDF (pages, encryption, outline, fonts, images, text layer, active content). */
package dev.pdfvariants.inspect;
