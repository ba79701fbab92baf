package dev.pdfvariants.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

/** PDFs for the document-variant tests, each named for what it exercises. */
public final class DocumentFixtures {
    /** The phrases {@link #chapters} prints, one per page. */
    public static final List<String> CHAPTER_PHRASES = List.of("Opening remarks about lighthouses",
            "Chapter one explains the lamp", "The lamp keeps turning all night", "Chapter two covers the keepers",
            "Keepers wrote logbooks every evening");

    private DocumentFixtures() {
    }

    /**
     * Five pages: a front page without a bookmark, "Chapter One" on page 2 (continued on 3),
     * "Chapter Two" on page 4 with a nested "Section 2.1" on page 5.
     */
    public static Path chapters(Path file) throws IOException {
        PdfFixture.create().metadataTitle("Lighthouses").bookmarks().pageNumbers()
                .paragraph(CHAPTER_PHRASES.get(0) + ".").pageBreak()
                .heading(1, "Chapter One").paragraph(CHAPTER_PHRASES.get(1) + ".").pageBreak()
                .paragraph(CHAPTER_PHRASES.get(2) + ".").pageBreak()
                .heading(1, "Chapter Two").paragraph(CHAPTER_PHRASES.get(3) + ".").pageBreak()
                .heading(2, "Section 2.1").paragraph(CHAPTER_PHRASES.get(4) + ".")
                .write(file);
        return file;
    }

    /**
     * A two-page PDF with active content everywhere a sanitizer must look: a document-level
     * JavaScript name tree, a JavaScript open action, page additional actions, a launch link, a
     * URI link, a file-attachment annotation, an embedded-files name tree, an XFA form, XMP and an
     * info dictionary; and one plain go-to-page link, which must survive.
     */
    public static Path active(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(PdfFixture.create().title("Active content").paragraph("Visible text stays.")
                .pageBreak().paragraph("Second page text.").bytes())) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDPage first = doc.getPage(0);
            PDPage second = doc.getPage(1);

            PDActionJavaScript js = new PDActionJavaScript("app.alert('hello');");
            catalog.setOpenAction(js);
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("init", new PDActionJavaScript("var x = 1;")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
            names.setJavascript(scripts);

            PDEmbeddedFile embedded = new PDEmbeddedFile(doc,
                    new ByteArrayInputStream("secret payload".getBytes(StandardCharsets.US_ASCII)));
            embedded.setSubtype("text/plain");
            embedded.setModDate(new GregorianCalendar(2026, 0, 1));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.txt");
            spec.setEmbeddedFile(embedded);
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("payload.txt", spec));
            names.setEmbeddedFiles(files);
            catalog.setNames(names);

            PDPageAdditionalActions pageActions = new PDPageAdditionalActions();
            pageActions.setO(new PDActionJavaScript("console.println('open');"));
            first.setActions(pageActions);

            PDAnnotationLink launch = new PDAnnotationLink();
            launch.setRectangle(new PDRectangle(50, 700, 100, 20));
            PDActionLaunch launchAction = new PDActionLaunch();
            launchAction.getCOSObject().setString(COSName.F, "calc.exe");
            launch.setAction(launchAction);
            PDAnnotationLink uri = new PDAnnotationLink();
            uri.setRectangle(new PDRectangle(50, 650, 100, 20));
            PDActionURI uriAction = new PDActionURI();
            uriAction.setURI("https://example.invalid/track");
            uri.setAction(uriAction);
            PDAnnotationLink goTo = new PDAnnotationLink();
            goTo.setRectangle(new PDRectangle(50, 600, 100, 20));
            PDActionGoTo goToAction = new PDActionGoTo();
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(second);
            goToAction.setDestination(destination);
            goTo.setAction(goToAction);
            PDAnnotationFileAttachment attachment = new PDAnnotationFileAttachment();
            attachment.setRectangle(new PDRectangle(50, 550, 20, 20));
            PDComplexFileSpecification attached = new PDComplexFileSpecification();
            attached.setFile("attached.txt");
            attached.setEmbeddedFile(new PDEmbeddedFile(doc,
                    new ByteArrayInputStream("attached".getBytes(StandardCharsets.US_ASCII))));
            attachment.setFile(attached);
            first.setAnnotations(List.of(launch, uri, goTo, attachment));

            PDAcroForm form = new PDAcroForm(doc);
            form.getCOSObject().setItem(COSName.getPDFName("XFA"), new COSDictionary());
            catalog.setAcroForm(form);

            PDMetadata xmp = new PDMetadata(doc);
            try (var out = xmp.getCOSObject().createOutputStream()) {
                out.write("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"></x:xmpmeta>".getBytes(StandardCharsets.UTF_8));
            }
            catalog.setMetadata(xmp);
            Files.createDirectories(file.toAbsolutePath().getParent());
            doc.save(file.toFile());
        }
        return file;
    }
}
