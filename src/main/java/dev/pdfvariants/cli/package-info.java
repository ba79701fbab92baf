/** The command line (picocli lives here and nowhere else): commands turn options into config records and call the domain. */
package dev.pdfvariants.cli;
