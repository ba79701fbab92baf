package dev.pdfvariants.text.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.ArabicStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.HungarianStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * The languages with stopwords and stemming (Lucene's Snowball stopword lists and stemmers), the
 * CJK languages (bigrams), and {@link #UNDETERMINED} for everything else (words, no stopwords, no
 * stemming). Stopword lists are read once per JVM, on first use.
 */
public final class Languages {
    private static final String SNOWBALL = "/org/apache/lucene/analysis/snowball/";

    private record Spec(String name, String stopList, boolean snowballFormat, Supplier<SnowballStemmer> stemmer) {
    }

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("en", new Spec("English", SNOWBALL + "english_stop.txt", true, EnglishStemmer::new)),
            Map.entry("es", new Spec("Spanish", SNOWBALL + "spanish_stop.txt", true, SpanishStemmer::new)),
            Map.entry("de", new Spec("German", SNOWBALL + "german_stop.txt", true, German2Stemmer::new)),
            Map.entry("fr", new Spec("French", SNOWBALL + "french_stop.txt", true, FrenchStemmer::new)),
            Map.entry("pt", new Spec("Portuguese", SNOWBALL + "portuguese_stop.txt", true, PortugueseStemmer::new)),
            Map.entry("it", new Spec("Italian", SNOWBALL + "italian_stop.txt", true, ItalianStemmer::new)),
            Map.entry("nl", new Spec("Dutch", SNOWBALL + "dutch_stop.txt", true, DutchStemmer::new)),
            Map.entry("da", new Spec("Danish", SNOWBALL + "danish_stop.txt", true, DanishStemmer::new)),
            Map.entry("sv", new Spec("Swedish", SNOWBALL + "swedish_stop.txt", true, SwedishStemmer::new)),
            Map.entry("no", new Spec("Norwegian", SNOWBALL + "norwegian_stop.txt", true, NorwegianStemmer::new)),
            Map.entry("fi", new Spec("Finnish", SNOWBALL + "finnish_stop.txt", true, FinnishStemmer::new)),
            Map.entry("hu", new Spec("Hungarian", SNOWBALL + "hungarian_stop.txt", true, HungarianStemmer::new)),
            Map.entry("ru", new Spec("Russian", SNOWBALL + "russian_stop.txt", true, RussianStemmer::new)),
            Map.entry("ar", new Spec("Arabic", "/org/apache/lucene/analysis/ar/stopwords.txt", false, ArabicStemmer::new)));

    private static final Map<String, String> CJK = Map.of("zh", "Chinese", "ja", "Japanese", "ko", "Korean");

    /** Text whose language could not be determined: words, no stopwords, no stemming. */
    public static final Language UNDETERMINED = new Language("und", "undetermined", Set.of(), null, false);

    private static final Map<String, Language> LOADED = new ConcurrentHashMap<>();

    private Languages() {
    }

    /** The language for an ISO 639-1 code; {@link #UNDETERMINED} for codes without analysis support. */
    public static Language of(String code) {
        if (code == null) {
            return UNDETERMINED;
        }
        return LOADED.computeIfAbsent(code, Languages::load);
    }

    /** Codes with stopwords and stemming, plus the CJK languages. */
    public static Set<String> supported() {
        Set<String> codes = new HashSet<>(SPECS.keySet());
        codes.addAll(CJK.keySet());
        return codes;
    }

    private static Language load(String code) {
        if (CJK.containsKey(code)) {
            return new Language(code, CJK.get(code), Set.of(), null, true);
        }
        Spec spec = SPECS.get(code);
        if (spec == null) {
            return new Language(code, code, Set.of(), null, false);
        }
        return new Language(code, spec.name(), readStopwords(spec), spec.stemmer(), false);
    }

    private static Set<String> readStopwords(Spec spec) {
        try (InputStream in = Languages.class.getResourceAsStream(spec.stopList())) {
            if (in == null) {
                throw new IllegalStateException("stopword list missing from the classpath: " + spec.stopList());
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CharArraySet set = spec.snowballFormat() ? WordlistLoader.getSnowballWordSet(reader)
                    : WordlistLoader.getWordSet(reader, "#");
            Set<String> words = new HashSet<>();
            for (Iterator<Object> it = set.iterator(); it.hasNext(); ) {
                Object w = it.next();
                words.add(w instanceof char[] chars ? new String(chars) : String.valueOf(w));
            }
            return Collections.unmodifiableSet(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
