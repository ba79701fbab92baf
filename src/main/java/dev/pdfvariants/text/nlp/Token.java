package dev.pdfvariants.text.nlp;

/**
 * One token of a sentence: a word, or for CJK text a character bigram.
 *
 * @param text        the token as written
 * @param stem        its lowercase stem (the analysis key)
 * @param stop        a stopword of the language
 * @param start       offset of its first char in the sentence
 * @param end         offset after its last char
 * @param breakBefore punctuation (other than a hyphen or apostrophe) separates it from the previous token
 */
public record Token(String text, String stem, boolean stop, int start, int end, boolean breakBefore) {

    /** A token that can carry meaning: not a stopword, has a letter, not a lone Latin letter. */
    public boolean content() {
        if (stop) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                letter = true;
                break;
            }
        }
        return letter && (text.length() > 1 || Character.isIdeographic(text.codePointAt(0)));
    }
}
