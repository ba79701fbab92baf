package dev.pdfvariants.variant;

import static dev.pdfvariants.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pdfvariants.json.Json;
import dev.pdfvariants.testing.Cli;
import dev.pdfvariants.testing.DocumentFixtures;
import dev.pdfvariants.testing.PdfTools;

class SanitizedVariantTest {
    /** The names that must not survive anywhere in a sanitized file. */
    private static final Set<String> FORBIDDEN = Set.of("JavaScript", "JS", "Launch", "EmbeddedFiles");

    @TempDir
    Path tmp;

    @Test
    void removesJavascriptLaunchActionsAndEmbeddedFilesFromEveryObjectOfTheFile() throws IOException {
        Path input = DocumentFixtures.active(tmp.resolve("in/active.pdf"));
        assertThat(forbiddenNamesIn(input)).as("the fixture has them").containsAll(FORBIDDEN);

        Cli.Result r = cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "sanitized",
                "--progress", "none");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path sanitized = tmp.resolve("out/active/sanitized.pdf");
        assertThat(forbiddenNamesIn(sanitized)).isEmpty();
        try (PDDocument doc = Loader.loadPDF(sanitized.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getDocumentCatalog().getMetadata()).isNull();
            assertThat(doc.getDocument().getTrailer().getDictionaryObject(COSName.INFO)).isNull();
            assertThat(doc.getDocumentCatalog().getOpenAction()).isNull();
            assertThat(doc.getDocumentCatalog().getAcroForm().getCOSObject().containsKey(COSName.getPDFName("XFA"))).isFalse();
            assertThat(doc.getPage(0).getCOSObject().containsKey(COSName.AA)).isFalse();
            List<PDAnnotation> annotations = doc.getPage(0).getAnnotations();
            assertThat(annotations).as("the file attachment is gone, the links stay").hasSize(3)
                    .allMatch(a -> a instanceof PDAnnotationLink);
            assertThat(annotations.stream().map(a -> ((PDAnnotationLink) a).getAction()).filter(a -> a != null)
                    .map(a -> a.getSubType())).as("only the go-to-page link still acts").containsExactly("GoTo");
        }
    }

    @Test
    void qpdfSeesNoneOfItEither() throws IOException {
        PdfTools.requireQpdf();
        Path input = DocumentFixtures.active(tmp.resolve("in/active.pdf"));
        cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "sanitized", "--progress", "none");
        Path sanitized = tmp.resolve("out/active/sanitized.pdf");

        PdfTools.assertQpdfCheckPasses(sanitized, null);
        String before = PdfTools.run(List.of("qpdf", "--json", input.toString())).out();
        String after = PdfTools.run(List.of("qpdf", "--json", sanitized.toString())).out();
        for (String name : FORBIDDEN) {
            assertThat(before).contains("\"/" + name + "\"");
            assertThat(after).doesNotContain("\"/" + name + "\"");
        }
        // every stream decompressed: the payloads are gone, not just unlinked
        Path qdf = tmp.resolve("sanitized.qdf");
        PdfTools.run(List.of("qpdf", "--qdf", "--object-streams=disable", sanitized.toString(), qdf.toString()));
        assertThat(Files.readString(qdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Visible text stays")
                .doesNotContain("secret payload").doesNotContain("calc.exe").doesNotContain("example.invalid")
                .doesNotContain("app.alert");
    }

    @Test
    void writesAReportOfWhatWasRemoved() throws IOException {
        Path input = DocumentFixtures.active(tmp.resolve("in/active.pdf"));
        cli().run("run", input.toString(), "-o", tmp.resolve("out").toString(), "-v", "sanitized", "--progress", "none");

        JsonNode report = Json.mapper().readTree(tmp.resolve("out/active/sanitized.json").toFile());
        JsonNode removed = report.get("removed");
        assertThat(removed.get("javascript").asInt()).as(report.toString()).isEqualTo(3);
        assertThat(removed.get("action:launch").asInt()).isEqualTo(1);
        assertThat(removed.get("action:uri").asInt()).isEqualTo(1);
        assertThat(removed.get("embedded-files").asInt()).isEqualTo(1);
        assertThat(removed.get("annotation:fileattachment").asInt()).isEqualTo(1);
        assertThat(removed.get("additional-actions").asInt()).isEqualTo(1);
        assertThat(removed.get("xfa").asInt()).isEqualTo(1);
        assertThat(removed.get("xmp-metadata").asInt()).isEqualTo(1);
        assertThat(removed.get("info-dictionary").asInt()).isEqualTo(1);
        assertThat(report.get("total").asInt()).isEqualTo(11);
    }

    /** Every name used as a key or value in any object of the file, parsed or not, that is forbidden. */
    private static Set<String> forbiddenNamesIn(Path pdf) throws IOException {
        Set<String> found = new java.util.TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<COSBase> pending = new ArrayList<>();
            for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
                COSObject object = doc.getDocument().getObjectFromPool(key);
                pending.add(object.getObject());
            }
            pending.add(doc.getDocument().getTrailer());
            Set<COSBase> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            while (!pending.isEmpty()) {
                COSBase next = pending.remove(pending.size() - 1);
                if (next instanceof COSObject o) {
                    next = o.getObject();
                }
                if (next == null || !seen.add(next)) {
                    continue;
                }
                if (next instanceof COSName name && FORBIDDEN.contains(name.getName())) {
                    found.add(name.getName());
                } else if (next instanceof COSDictionary d) {
                    for (COSName key : d.keySet()) {
                        if (FORBIDDEN.contains(key.getName())) {
                            found.add(key.getName());
                        }
                        pending.add(d.getItem(key));
                    }
                } else if (next instanceof COSArray a) {
                    a.forEach(pending::add);
                }
            }
        }
        return found;
    }
}
