package dev.pdfvariants.text.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void detectsTheLanguagesWithStopwordsAndStemming() {
        assertThat(LanguageDetection.detect("The summary of a long report should keep the sentences that carry its "
                + "findings, and leave out the ones that only repeat them.", null).code()).isEqualTo("en");
        assertThat(LanguageDetection.detect("Las bibliotecas públicas siguen siendo uno de los pocos lugares donde "
                + "cualquier persona puede entrar sin pagar.", null).code()).isEqualTo("es");
        assertThat(LanguageDetection.detect("Die öffentlichen Bibliotheken sind einer der wenigen Orte, an denen "
                + "jeder Mensch ohne Bezahlung hineingehen kann.", null).code()).isEqualTo("de");
        assertThat(LanguageDetection.detect("Les bibliothèques publiques restent l'un des rares lieux où chacun "
                + "peut entrer sans payer.", null).code()).isEqualTo("fr");
        assertThat(LanguageDetection.detect("As bibliotecas públicas continuam a ser um dos poucos lugares onde "
                + "qualquer pessoa pode entrar sem pagar.", null).code()).isEqualTo("pt");
    }

    @Test
    void clearStopwordLeadsDecideWithoutTheNgramDetectorAndCloseOnesDoNot() {
        // each text three times: enough words (30) for the stopword rule to decide on its own
        List<String[]> texts = List.of(
                new String[] {"en", "The summary of a long report should keep the sentences that carry its findings, and leave out the ones that only repeat them."},
                new String[] {"de", "Die öffentlichen Bibliotheken sind einer der wenigen Orte, an denen jeder Mensch ohne Bezahlung hineingehen kann und auch bleiben darf."},
                new String[] {"fr", "Les bibliothèques publiques restent l'un des rares lieux où chacun peut entrer sans payer et rester aussi longtemps qu'il le veut."},
                new String[] {"it", "Le biblioteche pubbliche sono uno dei pochi luoghi in cui chiunque può entrare senza pagare e restare per tutto il tempo che vuole."},
                new String[] {"nl", "De openbare bibliotheken zijn een van de weinige plaatsen waar iedereen zonder te betalen naar binnen kan en zo lang kan blijven als hij wil."});
        for (String[] t : texts) {
            String text = (t[1] + " ").repeat(3);
            assertThat(LanguageDetection.byStopwords(text, null)).as(t[0]).isEqualTo(t[0]);
        }
        // Spanish and Portuguese share many stopwords: too close to call without the declared language
        String es = "Las bibliotecas públicas siguen siendo uno de los pocos lugares donde cualquier persona puede entrar sin pagar y quedarse. ";
        assertThat(LanguageDetection.byStopwords(es.repeat(3), "es")).isEqualTo("es");
        assertThat(LanguageDetection.byStopwords("Bibliotecas públicas. ".repeat(20), null)).isNull();
    }

    @Test
    void detectsChineseJapaneseAndKoreanByScript() {
        assertThat(LanguageDetection.detect("本文档介绍了如何制作软件包以及维护者需要了解的基本知识和工具。", null).code())
                .isEqualTo("zh");
        assertThat(LanguageDetection.detect("この文書では、パッケージの作り方とメンテナが知っておくべき基本を説明します。", null)
                .code()).isEqualTo("ja");
        assertThat(LanguageDetection.detect("이 문서는 패키지를 만드는 방법과 관리자가 알아야 할 기본 지식을 설명합니다.", null)
                .code()).isEqualTo("ko");
    }

    @Test
    void tooLittleTextFallsBackToTheDeclaredLanguage() {
        assertThat(LanguageDetection.detect("Hi", "es-ES").code()).isEqualTo("es");
        assertThat(LanguageDetection.detect("Hi", null).code()).isEqualTo("und");
    }

    @Test
    void stopwordsAreMarkedAndWordsStemmedPerLanguage() {
        List<Token> en = new Tokenizer(Languages.of("en")).tokens("The gardens were cooling the buildings.");
        assertThat(en).extracting(Token::stem).containsExactly("the", "garden", "were", "cool", "the", "build");
        assertThat(en).extracting(Token::stop).containsExactly(true, false, true, false, true, false);

        assertThat(stems("es", "Las bibliotecas públicas")).containsExactly("las", "bibliotec", "public");
        assertThat(stems("de", "Die Bibliotheken")).containsExactly("die", "bibliothek");
        assertThat(stems("fr", "Les bibliothèques publiques")).containsExactly("le", "bibliothequ", "publiqu");
        assertThat(stems("pt", "As bibliotecas públicas")).containsExactly("as", "bibliotec", "públic");
        assertThat(new Tokenizer(Languages.of("es")).tokens("las de la").stream().allMatch(Token::stop)).isTrue();
    }

    @Test
    void cjkTextBecomesCharacterBigramsSoNothingBreaks() {
        List<Token> zh = new Tokenizer(Languages.of("zh")).tokens("软件包维护");
        assertThat(zh).extracting(Token::text).containsExactly("软件", "件包", "包维", "维护");
        Analysis a = Analysis.of(Languages.of("zh"), List.of("软件包维护者手册。", "如何维护软件包。", "软件包的格式。"));
        List<Keyword> keywords = new KeywordExtractor(a, null).extract(30);
        assertThat(keywords).extracting(Keyword::text).contains("软件包", "维护者");
        assertThat(keywords).allMatch(k -> "软件包维护者手册。如何维护软件包。软件包的格式。".contains(k.text()));
    }

    private static List<String> stems(String language, String text) {
        return new Tokenizer(Languages.of(language)).tokens(text).stream().map(Token::stem).toList();
    }

    @Test
    void scriptsAreCountedAsTheEnumMapOfUnicodeScriptsCountedThem() {
        String[] pieces = {"a", "Z", "1", " ", "é", "ß", "ж", "Ω", "中", "ひ", "カ", "한", "ع", "א", "ก", "क", "\uD835\uDC00",
            "\uD840\uDC00", "\uD835", "ʰ", "ª", "-", "’"};
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder sample = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                sample.append(pieces[random.nextInt(pieces.length)]);
            }
            java.util.Map<Character.UnicodeScript, Integer> expected = new java.util.EnumMap<>(Character.UnicodeScript.class);
            sample.codePoints().filter(Character::isLetter).forEach(c -> expected.merge(Character.UnicodeScript.of(c), 1, Integer::sum));
            int[] counts = LanguageDetection.scripts(sample);
            java.util.Map<Character.UnicodeScript, Integer> actual = new java.util.EnumMap<>(Character.UnicodeScript.class);
            for (Character.UnicodeScript script : Character.UnicodeScript.values()) {
                if (counts[script.ordinal()] > 0) {
                    actual.put(script, counts[script.ordinal()]);
                }
            }
            assertThat(actual).as("%s", sample).isEqualTo(expected);
            if (!expected.isEmpty()) { // the main script: the stream's max keeps the first of equal counts
                Character.UnicodeScript main = expected.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                        .map(java.util.Map.Entry::getKey).orElseThrow();
                int first = 0;
                for (int k = 1; k < counts.length; k++) {
                    first = counts[k] > counts[first] ? k : first;
                }
                assertThat(Character.UnicodeScript.values()[first]).isEqualTo(main);
            }
        }
    }
}
