package dev.pdfvariants.config;

/** Reading order of extracted text. */
public enum TextOrder {
    /** The order of the page's content stream: right for most single- and multi-column documents. */
    STREAM,
    /** Top-to-bottom, left-to-right by position: for files whose content stream is scrambled. */
    POSITION
}
