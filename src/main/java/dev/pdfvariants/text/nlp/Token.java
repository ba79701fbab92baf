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
 * @param kinds       what its text is ({@link #LETTER}, {@link #CONTENT}, {@link #ACRONYM},
 *                    {@link #UPPER_FIRST}): a function of text and stop, which the tokenizer works out
 *                    once per distinct word rather than once per token
 */
public record Token(String text, String stem, boolean stop, int start, int end, boolean breakBefore, byte kinds) {
    /** The text has a letter. */
    static final byte LETTER = 1;
    /** {@link #content()}. */
    static final byte CONTENT = 2;
    /** Two letters or more, all upper case ({@code NASA}, {@code COVID-19}). */
    static final byte ACRONYM = 4;
    /** The first character is upper case. */
    static final byte UPPER_FIRST = 8;
    /** The bits of {@link #kinds}. */
    static final byte KINDS = LETTER | CONTENT | ACRONYM | UPPER_FIRST;
    /** Beside the kinds in {@link Analysis}'s flat token flags: {@link #breakBefore()}. */
    static final byte BREAK_BEFORE = 16;
    /** Beside the kinds in {@link Analysis}'s flat token flags: {@link #stop()}. */
    static final byte STOP = 32;

    public Token(String text, String stem, boolean stop, int start, int end, boolean breakBefore) {
        this(text, stem, stop, start, end, breakBefore, kinds(text, stop));
    }

    /** A token that can carry meaning: not a stopword, has a letter, not a lone Latin letter. */
    public boolean content() {
        return (kinds & CONTENT) != 0;
    }

    /** What {@code text} is, as {@link #kinds} says. */
    static byte kinds(String text, boolean stop) {
        boolean letter = hasLetter(text);
        int kinds = letter ? LETTER : 0;
        if (!stop && letter && (text.length() > 1 || Character.isIdeographic(text.codePointAt(0)))) {
            kinds |= CONTENT;
        }
        if (isAcronym(text)) {
            kinds |= ACRONYM;
        }
        if (Character.isUpperCase(text.codePointAt(0))) {
            kinds |= UPPER_FIRST;
        }
        return (byte) kinds;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Two letters or more, and every letter upper case. */
    static boolean isAcronym(String word) {
        if (word.length() < 2) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letters >= 2;
    }
}
