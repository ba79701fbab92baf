/** The batch's event vocabulary and the in-process bus that delivers it to progress, manifest, metrics and NDJSON subscribers. */
package dev.pdfvariants.event;
