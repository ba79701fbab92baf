/** The variant catalog: one small class per variant behind the {@link dev.pdfvariants.variant.Variant} interface, registered in {@link dev.pdfvariants.variant.VariantRegistry}. */
package dev.pdfvariants.variant;
