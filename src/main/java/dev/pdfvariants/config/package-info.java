/** Validated, immutable options shared by the command line and the domain; parsing of durations, sizes and secrets. */
package dev.pdfvariants.config;
