package dev.pdfvariants.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.pdfvariants.text.nlp.Language;
import dev.pdfvariants.text.nlp.LanguageDetection;

/**
 * Builds a {@link TextModel} from the lines captured during text extraction: removes running
 * headers, footers and page numbers, groups lines into blocks, finds the title and the headings,
 * detects the language and splits paragraphs into sentences.
 */
public final class TextModelBuilder {
    /** Characters of text sampled (spread over the document) for language detection. */
    private static final int LANGUAGE_SAMPLE = 3_000;
    private static final Pattern CAPTION = Pattern.compile("(?iu)^(?:fig\\.|figure|table|tabla|tabelle|tableau|abb\\.|abbildung)\\s*\\d.*");

    private TextModelBuilder() {
    }

    /**
     * @param pages            the lines of every page that has text
     * @param pageCount        the document's page count
     * @param declaredLanguage the catalog's {@code /Lang}, or null
     */
    public static TextModel build(List<PageLines> pages, int pageCount, String declaredLanguage) {
        List<PageLines> cleaned = RunningMatter.remove(pages);
        float body = Blocks.bodyFontSize(cleaned);
        List<Block> blocks = Blocks.of(cleaned, body);
        Block title = title(blocks, body);
        blocks = new HeadingDetector(body, bodyIsBold(cleaned, body)).detect(blocks, cleaned, title);
        Language language = LanguageDetection.detect(sample(blocks), declaredLanguage);
        List<Sentence> sentences = sentences(blocks, language, title);
        return new TextModel(pageCount, blocks, sentences, language, body, title);
    }

    /** The largest text on the first page with text, when it is clearly larger than the body. */
    private static Block title(List<Block> blocks, float body) {
        if (blocks.isEmpty()) {
            return null;
        }
        int firstPage = blocks.get(0).page();
        Block best = null;
        for (Block b : blocks) {
            if (b.page() != firstPage) {
                break;
            }
            if (b.lines() <= 4 && b.text().length() <= 200 && (best == null || b.fontSize() > best.fontSize())) {
                best = b;
            }
        }
        return best != null && best.fontSize() >= body * 1.3f ? best : null;
    }

    private static boolean bodyIsBold(List<PageLines> pages, float body) {
        long bold = 0;
        long all = 0;
        for (PageLines p : pages) {
            for (Line l : p.lines()) {
                if (l.fontSize() == body) {
                    all += l.text().length();
                    if (l.bold()) {
                        bold += l.text().length();
                    }
                }
            }
        }
        return bold * 2 > all;
    }

    private static String sample(List<Block> blocks) {
        long total = blocks.stream().filter(b -> !b.heading()).mapToLong(b -> b.text().length()).sum();
        long stride = Math.max(1, total / LANGUAGE_SAMPLE);
        StringBuilder sb = new StringBuilder();
        long position = 0;
        long next = 0;
        for (Block b : blocks) {
            if (b.heading()) {
                continue;
            }
            if (position >= next || stride == 1) {
                sb.append(b.text()).append('\n');
                next = position + Math.max(b.text().length(), 1) * stride;
            }
            position += b.text().length();
            if (sb.length() >= LANGUAGE_SAMPLE) {
                break;
            }
        }
        return sb.toString();
    }

    private static List<Sentence> sentences(List<Block> blocks, Language language, Block title) {
        SentenceSplitter splitter = new SentenceSplitter(language.code());
        List<Sentence> sentences = new ArrayList<>();
        int heading = -1;
        for (Block b : blocks) {
            if (b.heading()) {
                heading = b.index();
                continue;
            }
            if (title != null && b.index() == title.index()) {
                continue;
            }
            for (String s : splitter.split(b.text())) {
                sentences.add(new Sentence(sentences.size(), s, b.page(), b.index(), heading, isProse(s, language)));
            }
        }
        return sentences;
    }

    /**
     * A real sentence: enough words, mostly letters, not a caption, no web address, not shouting.
     * One pass over the chars (every sentence is asked) counts what the rule needs.
     */
    static boolean isProse(String s, Language language) {
        if (s.length() > 1200 || mayBeCaption(s) && CAPTION.matcher(s).matches()) {
            return false;
        }
        int letters = 0;
        int visible = 0;
        int cjk = 0;
        int lower = 0;
        int words = 0; // runs between regex \s characters that hold a letter
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) { // ASCII: regex white space, other white space, letters (a-z lowercase) and the rest
                if (c == ' ' || c >= 0x09 && c <= 0x0D) {
                    words += letter ? 1 : 0;
                    letter = false;
                } else if (c >= 'a' && c <= 'z') {
                    visible++;
                    letters++;
                    lower++;
                    letter = true;
                } else if (c >= 'A' && c <= 'Z') {
                    visible++;
                    letters++;
                    letter = true;
                } else if (c < 0x1C || c > 0x1F) {
                    visible++;
                    if (c == ':' && webAddress(s, i)) {
                        return false;
                    }
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                continue; // not regex white space: no word break
            }
            visible++;
            if (Character.isLetter(c)) {
                letter = true;
                letters++;
                if (Character.isLowerCase(c)) {
                    lower++;
                }
                if (c >= 0x1100 && (Blocks.isCjk(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)) {
                    cjk++;
                }
            }
        }
        words += letter ? 1 : 0;
        if (visible == 0 || letters < visible * 0.6) {
            return false;
        }
        if (cjk * 2 >= letters) {
            return cjk >= 8;
        }
        boolean caseless = lower == 0 && letters > 0 && !Character.isUpperCase(firstLetter(s));
        return words >= 6 && words <= 80 && (lower * 2 >= letters || caseless);
    }

    /** Whether the colon at {@code i} is that of {@code http://} or {@code https://}. */
    private static boolean webAddress(String s, int i) {
        return s.startsWith("//", i + 1) && (i >= 4 && s.startsWith("http", i - 4) || i >= 5 && s.startsWith("https", i - 5));
    }

    /**
     * Whether {@link #CAPTION} can match: its words start with fi, ta or ab, in either case, and no
     * other char folds to those first letters, nor does an ASCII char other than these to the
     * second ones ({@code "The"}, {@code "As"}, {@code "For"} … are rejected without the regex).
     */
    static boolean mayBeCaption(String s) {
        if (s.length() < 2) {
            return false;
        }
        char c = s.charAt(0);
        char d = s.charAt(1);
        if (d >= 128) {
            return c == 'f' || c == 'F' || c == 't' || c == 'T' || c == 'a' || c == 'A';
        }
        return (c == 'f' || c == 'F') && (d == 'i' || d == 'I') || (c == 't' || c == 'T') && (d == 'a' || d == 'A')
                || (c == 'a' || c == 'A') && (d == 'b' || d == 'B');
    }

    private static int firstLetter(String s) {
        return s.codePoints().filter(Character::isLetter).findFirst().orElse(' ');
    }
}
