/**
 * The document text model shared by every content variant: pages of lines (with font size, weight
 * and position) captured in the one text-extraction pass, cleaned of running headers, footers and
 * page numbers, grouped into blocks (paragraphs and detected headings), split into sentences, with
 * the detected language; and the document's outline (bookmarks, or detected headings).
 */
package dev.pdfvariants.text;
