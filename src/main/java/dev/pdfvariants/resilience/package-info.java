/** Failsafe policies, built once per run from configuration and named for their intent. */
package dev.pdfvariants.resilience;
