/**
 * Language-aware text statistics over the text model: language detection, tokenising with
 * stopwords and stemming (Lucene's lists and Snowball stemmers; character bigrams for CJK),
 * graph ranking of sentences and YAKE-style keyword extraction. Everything here is computed once
 * per document and bounded in cost for long documents.
 */
package dev.pdfvariants.text.nlp;
