package dev.pdfvariants.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the PDFs in {@code samples/}. Their text is original, written for this project. Run it
 * after changing a sample:
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.pdfvariants.testing.SampleGenerator -Dexec.args=samples</pre>
 *
 * {@code SamplesTest} checks that the committed files equal what this generator writes.
 */
public final class SampleGenerator {
    private SampleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples");
        writeAll(dir);
    }

    /** Every sample, by its path relative to {@code samples/}. */
    public static void writeAll(Path dir) throws IOException {
        report().write(dir.resolve("reports/rooftop-gardens-report.pdf"));
        paper().write(dir.resolve("papers/adaptive-batching-paper.pdf"));
        spanish().write(dir.resolve("es/informe-bibliotecas.pdf"));
        scanned().write(dir.resolve("scanned/scanned-letter.pdf"));
        Files.createDirectories(dir.resolve("broken"));
        Files.write(dir.resolve("broken/truncated-download.pdf"), truncated());
    }

    /** A multi-section report with nested bookmarks, a running header and page numbers. */
    public static PdfFixture report() {
        return PdfFixture.create()
                .title("Rooftop Gardens and Urban Heat: A Field Report")
                .author("Harbour City Environment Office")
                .subject("Effect of rooftop gardens on building temperature")
                .language("en-GB")
                .runningHeader("Harbour City Environment Office - Field Report 2025")
                .pageNumbers()
                .bookmarks()
                .heading(1, "1 Introduction")
                .paragraph("Cities are warmer than the countryside around them, and the difference grows every summer. "
                        + "Dark roofs absorb sunlight all day and release the heat at night, when residents most need "
                        + "to cool down. Rooftop gardens replace that dark surface with soil and plants.")
                .paragraph("This report measures what rooftop gardens did to roof temperature and indoor comfort in "
                        + "twelve public buildings of Harbour City during the summer of 2025. It is written for the "
                        + "building managers who will decide whether to plant more roofs.")
                .heading(1, "2 Method")
                .paragraph("We compared six buildings with a planted roof against six similar buildings with a "
                        + "conventional bitumen roof. Each pair shared an orientation, a construction period and a "
                        + "neighbourhood.")
                .heading(2, "2.1 Sensors")
                .paragraph("Every roof carried four temperature sensors under the surface layer, and every top floor "
                        + "carried two air sensors away from windows. Sensors recorded a reading every ten minutes "
                        + "from the first of June to the last day of August.")
                .heading(2, "2.2 Weather data")
                .paragraph("Air temperature, sunshine and rainfall came from the harbour weather station. Days with "
                        + "missing readings at any site were removed from the comparison, leaving eighty-one days.")
                .heading(1, "3 Results")
                .paragraph("Planted roofs stayed much cooler than bitumen roofs. At three in the afternoon the surface "
                        + "under the planted roofs averaged 29 degrees, while the bitumen roofs averaged 58 degrees. "
                        + "The largest single difference, 34 degrees, was measured on the hottest day of July.")
                .paragraph("Top floors under planted roofs were on average 2.1 degrees cooler in the late afternoon. "
                        + "Staff in those buildings reported fewer complaints about heat, and fans ran for fewer hours.")
                .heading(2, "3.1 Rainwater")
                .paragraph("The soil layer held back rain. During the twelve storms of the season, planted roofs "
                        + "released about half of the rainfall to the drains, and released it hours later than "
                        + "bitumen roofs did.")
                .heading(2, "3.2 Costs")
                .paragraph("Planting a roof cost between 90 and 140 euros per square metre, including the root "
                        + "barrier and the first year of care. Maintenance afterwards took about two hours per "
                        + "month for each building.")
                .heading(1, "4 Conclusion")
                .paragraph("Rooftop gardens lowered roof surface temperature by about half on summer afternoons and "
                        + "made top floors measurably cooler. They also slowed storm water. We recommend planting "
                        + "the roofs of the remaining public buildings whose structure can carry the extra load.")
                .paragraph("Future work should measure the effect over several summers and include winter heating, "
                        + "since a planted roof also insulates the building in the cold months.");
    }

    /** A paper-like document: title, authors, abstract, numbered sections, references. */
    public static PdfFixture paper() {
        return PdfFixture.create()
                .title("Adaptive Batching for Document Conversion Pipelines")
                .author("R. Okafor and L. Brandt, Institute for Document Engineering")
                .pageNumbers()
                .heading(2, "Abstract")
                .paragraph("Document conversion services receive files of very different sizes. A fixed batch size "
                        + "either leaves processors idle while one large file finishes, or pays the start-up cost of "
                        + "many small tasks. We present adaptive batching, which groups files by their estimated "
                        + "cost and schedules the most expensive work first. On a collection of forty thousand "
                        + "office documents, adaptive batching finished 31 percent sooner than fixed batches and "
                        + "kept both processor cores busy for 94 percent of the run.")
                .heading(1, "1 Introduction")
                .paragraph("Conversion pipelines turn documents into text, images or other formats. Their input is "
                        + "rarely uniform: a folder of reports holds one-page memos next to manuals of several "
                        + "hundred pages. Schedulers that ignore this spend the end of every run waiting for the "
                        + "largest file.")
                .paragraph("Our contribution is a scheduler that estimates the cost of a file from its size and page "
                        + "count before processing it, and orders the queue so that expensive files start early.")
                .heading(1, "2 Related Work")
                .paragraph("Longest-processing-time-first scheduling is a classic result for identical machines. "
                        + "Work stealing balances load dynamically in parallel runtimes. Both assume that task "
                        + "costs are known or cheap to discover, which is only partly true for documents.")
                .heading(1, "3 Adaptive Batching")
                .paragraph("The scheduler reads each file's size and, where the format allows it cheaply, its page "
                        + "count. A linear model trained on earlier runs turns these into an estimated cost. Files "
                        + "are sorted by estimated cost, and small files are grouped into batches whose total cost "
                        + "matches one large file.")
                .heading(1, "4 Evaluation")
                .paragraph("We converted forty thousand office documents on a machine with two cores. Fixed batches "
                        + "of one hundred files took 212 minutes. Adaptive batching took 146 minutes, 31 percent "
                        + "less, and the idle time at the end of the run fell from nineteen minutes to under one.")
                .heading(1, "5 Conclusion")
                .paragraph("Ordering work by estimated cost is a small change with a large effect on the wall time of "
                        + "document pipelines. Adaptive batching needs no changes to the converters themselves.")
                .heading(1, "References")
                .paragraph("[1] R. Graham. Bounds on multiprocessing timing anomalies. SIAM Journal on Applied "
                        + "Mathematics, 1969.")
                .paragraph("[2] R. Blumofe and C. Leiserson. Scheduling multithreaded computations by work stealing. "
                        + "Journal of the ACM, 1999.");
    }

    /** A Spanish document, with accents and inverted punctuation. */
    public static PdfFixture spanish() {
        return PdfFixture.create()
                .title("Las bibliotecas públicas en la era digital")
                .author("Consejo Municipal de Cultura")
                .language("es-ES")
                .pageNumbers()
                .heading(1, "1 Introducción")
                .paragraph("Las bibliotecas públicas siguen siendo uno de los pocos lugares donde cualquier persona "
                        + "puede entrar sin pagar. En los últimos diez años su papel ha cambiado: además de prestar "
                        + "libros, ofrecen conexión a internet, cursos y espacios de estudio.")
                .heading(1, "2 Uso de los servicios")
                .paragraph("El préstamo de libros impresos bajó un doce por ciento desde 2015, mientras que el "
                        + "préstamo de libros electrónicos se triplicó. Las salas de estudio están llenas durante "
                        + "los exámenes, y los talleres de informática para mayores tienen lista de espera.")
                .paragraph("¿Quién usa la biblioteca? Sobre todo estudiantes, familias con niños pequeños y "
                        + "personas mayores. Los jóvenes adultos son el grupo que menos la visita.")
                .heading(1, "3 Recomendaciones")
                .paragraph("Proponemos ampliar el horario de las salas de estudio, aumentar el catálogo digital y "
                        + "llevar actividades a los barrios donde no hay biblioteca. ¡La lectura debe llegar a "
                        + "todos los vecinos!");
    }

    /** An image-only page, like a scan without OCR: no text layer. */
    public static PdfFixture scanned() {
        return PdfFixture.create()
                .metadataTitle("Scanned letter")
                .imageOnlyPage("Harbour City Environment Office", "", "Dear residents,", "",
                        "the roof of the town library will be planted", "with grasses and herbs this spring.",
                        "", "Kind regards,", "The Environment Office");
    }

    /** The report cut off part-way, as a failed download leaves it: no cross-reference table, no trailer. */
    public static byte[] truncated() throws IOException {
        byte[] full = paper().bytes();
        return Arrays.copyOf(full, full.length * 2 / 5);
    }
}
