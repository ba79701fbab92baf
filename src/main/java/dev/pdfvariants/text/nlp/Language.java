package dev.pdfvariants.text.nlp;

import java.util.Set;
import java.util.function.Supplier;

import org.tartarus.snowball.SnowballStemmer;

/**
 * A language the analysis knows: its stopwords and stemmer (from Lucene), or, for Chinese,
 * Japanese and Korean, character bigrams instead of words.
 *
 * @param code      ISO 639-1 code ({@code en}), or {@code und} when undetermined
 * @param name      English name, for people
 * @param stopwords lowercase stopwords (empty when none are known)
 * @param stemmer   makes a new (not thread-safe) Snowball stemmer, or null for none
 * @param cjk       tokenised as character bigrams
 */
public record Language(String code, String name, Set<String> stopwords, Supplier<SnowballStemmer> stemmer,
        boolean cjk) {

    @Override
    public String toString() {
        return code;
    }
}
