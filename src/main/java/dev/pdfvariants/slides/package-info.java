/**
 * Slide decks: the deck model, its Markdown form, and its PDF rendering with PDFBox, with an
 * embedded font that has the glyphs of the document's language (a bundled DejaVu Sans for Latin,
 * Greek and Cyrillic; an installed system font for scripts it lacks).
 */
package dev.pdfvariants.slides;
