package dev.pdfvariants.text.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

/**
 * Detects a text's language. The writing system decides first (Han, kana and Hangul give Chinese,
 * Japanese or Korean; Arabic, Greek, Hebrew, Thai and Devanagari scripts their main language);
 * text in Latin or Cyrillic script goes to the optimaize n-gram detector (the one Apache Tika
 * wraps), loaded once per JVM with the profiles of the languages written in those scripts only.
 * When the detector is unsure, the document's declared language (its {@code /Lang}) is used.
 */
public final class LanguageDetection {
    /** Latin- and Cyrillic-script profiles shipped with optimaize. */
    private static final List<String> PROFILES = List.of("af", "ast", "br", "ca", "cs", "cy", "da", "de", "en", "es",
            "et", "eu", "fi", "fr", "ga", "gl", "hr", "hu", "id", "is", "it", "lt", "lv", "ms", "nl", "no", "oc", "pl",
            "pt", "ro", "sk", "sl", "sq", "sv", "sw", "tl", "vi", "be", "bg", "mk", "ru", "sr", "uk");
    private static final double MIN_CONFIDENCE = 0.6;

    private LanguageDetection() {
    }

    /** Holds the detector: built on first use, shared by every thread (it is immutable). */
    private static final class Holder {
        static final LanguageDetector DETECTOR = build();
        static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingOnLargeText();

        private static LanguageDetector build() {
            try {
                List<LanguageProfile> profiles = new LanguageProfileReader().readBuiltIn(
                        PROFILES.stream().map(com.optimaize.langdetect.i18n.LdLocale::fromString).toList());
                return LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the language profiles", e);
            }
        }
    }

    /**
     * The language of {@code sample}.
     *
     * @param declared the document's declared language tag ({@code en-GB}), or null
     */
    public static Language detect(CharSequence sample, String declared) {
        int[] scripts = scripts(sample); // letters per script, by ordinal
        int letters = 0;
        for (int count : scripts) {
            letters += count;
        }
        if (letters < 20) {
            return declaredOr(declared, Languages.UNDETERMINED);
        }
        int han = scripts[Character.UnicodeScript.HAN.ordinal()];
        int kana = scripts[Character.UnicodeScript.HIRAGANA.ordinal()] + scripts[Character.UnicodeScript.KATAKANA.ordinal()];
        int hangul = scripts[Character.UnicodeScript.HANGUL.ordinal()];
        if ((han + kana + hangul) * 10 >= letters * 3) {
            if (hangul >= han + kana) {
                return Languages.of("ko");
            }
            return Languages.of(kana * 10 >= (han + kana) ? "ja" : "zh");
        }
        int main = 0; // the script with the most letters, ties to the first
        for (int k = 1; k < scripts.length; k++) {
            if (scripts[k] > scripts[main]) {
                main = k;
            }
        }
        switch (SCRIPTS[main]) {
            case ARABIC: return Languages.of("ar");
            case GREEK: return Languages.of("el");
            case HEBREW: return Languages.of("he");
            case THAI: return Languages.of("th");
            case DEVANAGARI: return Languages.of("hi");
            case LATIN, CYRILLIC: break;
            default: return declaredOr(declared, Languages.UNDETERMINED);
        }
        String byStopwords = byStopwords(sample, declaredCode(declared));
        if (byStopwords != null) {
            return Languages.of(byStopwords);
        }
        List<DetectedLanguage> found = new ArrayList<>(Holder.DETECTOR.getProbabilities(Holder.TEXT.forText(sample)));
        if (!found.isEmpty() && found.get(0).getProbability() >= MIN_CONFIDENCE) {
            return Languages.of(found.get(0).getLocale().getLanguage());
        }
        return declaredOr(declared, Languages.UNDETERMINED);
    }

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    /** How many letters of each script (by ordinal) {@code sample} has; ASCII letters are Latin. */
    static int[] scripts(CharSequence sample) {
        int[] scripts = new int[SCRIPTS.length];
        int latin = Character.UnicodeScript.LATIN.ordinal();
        for (int i = 0; i < sample.length(); ) {
            char ch = sample.charAt(i);
            if (ch < 128) {
                i++;
                if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
                    scripts[latin]++;
                }
                continue;
            }
            int c = Character.codePointAt(sample, i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                scripts[Character.UnicodeScript.of(c).ordinal()]++;
            }
        }
        return scripts;
    }

    /** Languages whose stopword share decides clear cases without the n-gram detector. */
    private static final List<String> STOPWORD_LANGUAGES = List.of("en", "es", "de", "fr", "pt", "it", "nl");

    /**
     * The language whose stopwords make up a large, clearly leading share of the sample's words,
     * or null when the case is not clear (then the n-gram detector decides). Running text is about
     * 40 % stopwords in these languages; a margin of 1.6 over the runner-up keeps close relatives
     * (Spanish / Portuguese / Galician) for the detector.
     */
    static String byStopwords(CharSequence sample, String declared) {
        int words = 0;
        int[] hits = new int[STOPWORD_LANGUAGES.size()];
        Map<String, Integer> stopwordOf = StopwordIndex.LANGUAGES;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= sample.length() && words < 1500; i++) {
            char c = i < sample.length() ? sample.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                words++;
                Integer languages = stopwordOf.get(word.toString());
                if (languages != null) {
                    count(languages, hits);
                }
                word.setLength(0);
            }
        }
        int best = 0;
        int second = -1;
        for (int l = 1; l < hits.length; l++) {
            if (hits[l] > hits[best]) {
                second = best;
                best = l;
            } else if (second < 0 || hits[l] > hits[second]) {
                second = l;
            }
        }
        boolean clear = words >= 30 && hits[best] >= words * 0.2 && hits[best] >= 1.5 * hits[second];
        // a weaker lead that agrees with the document's declared language is enough too
        boolean confirmed = words >= 30 && hits[best] >= words * 0.12 && hits[best] > hits[second]
                && STOPWORD_LANGUAGES.get(best).equals(declared);
        return clear || confirmed ? STOPWORD_LANGUAGES.get(best) : null;
    }

    /** Counts a stopword for each language it is one of ({@code languages}: a bit per language). */
    private static void count(int languages, int[] hits) {
        for (int l = 0; l < hits.length; l++) {
            hits[l] += languages >>> l & 1;
        }
    }

    /**
     * Every stopword of {@link #STOPWORD_LANGUAGES} with the languages it belongs to, one bit each
     * in the order of that list: one look-up per word instead of one per language. Built on first use.
     */
    private static final class StopwordIndex {
        static final Map<String, Integer> LANGUAGES = build();

        private static Map<String, Integer> build() {
            Map<String, Integer> index = new HashMap<>();
            for (int l = 0; l < STOPWORD_LANGUAGES.size(); l++) {
                int bit = 1 << l;
                for (String word : Languages.of(STOPWORD_LANGUAGES.get(l)).stopwords()) {
                    index.merge(word, bit, (a, b) -> a | b);
                }
            }
            return Map.copyOf(index);
        }
    }

    private static String declaredCode(String declared) {
        return declared == null || declared.isBlank() ? null
                : declared.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    private static Language declaredOr(String declared, Language fallback) {
        if (declared == null || declared.isBlank()) {
            return fallback;
        }
        String code = declared.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return code.length() == 2 ? Languages.of(code) : fallback;
    }
}
