/** {@code pdfvariants doctor}: checks of the set-up (output, Pushgateway, OTLP collector, heap, fonts, provider), one line each. */
package dev.pdfvariants.doctor;
