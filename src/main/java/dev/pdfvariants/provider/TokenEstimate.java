package dev.pdfvariants.provider;

/**
 * A conservative count of the tokens a text takes, without the model's tokenizer: about 3.3
 * ASCII characters a token (English BPE vocabularies average nearer 4), 2 characters a token for
 * other alphabets (accented Latin, Cyrillic, Greek, Arabic …), and 1.5 tokens per Chinese,
 * Japanese or Korean character. Overestimating only makes chunks smaller.
 */
public final class TokenEstimate {
    private TokenEstimate() {
    }

    public static int of(CharSequence text) {
        double tokens = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                tokens += 0.3;
            } else if (cjk(cp)) {
                tokens += 1.5;
            } else {
                tokens += 0.5;
            }
        }
        return (int) Math.ceil(tokens);
    }

    static boolean cjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
