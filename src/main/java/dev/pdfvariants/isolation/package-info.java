/**
 * Isolation of hostile documents: worker JVMs with a bounded heap, fed one document at a time over
 * stdin/stdout, killed and replaced when a document makes them hang, run out of memory or crash;
 * and the fallback that gives a document which timed out in a worker thread one more try in one.
 */
package dev.pdfvariants.isolation;
