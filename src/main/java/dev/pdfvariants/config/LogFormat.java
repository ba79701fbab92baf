package dev.pdfvariants.config;

/** How log lines are written: for people, or one JSON object a line for log collectors. */
public enum LogFormat {
    /** {@code 12:00:01.234 WARN  Logger - message [document=… trace_id=…]}. */
    TEXT,
    /** One JSON object a line (NDJSON) with flat fields: time, level, logger, message, batch, document, variant, trace_id, span_id. */
    JSON
}
