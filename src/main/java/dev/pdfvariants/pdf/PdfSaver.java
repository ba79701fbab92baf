package dev.pdfvariants.pdf;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import dev.pdfvariants.document.Pages;
import dev.pdfvariants.document.PdfLoader;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;
import dev.pdfvariants.output.AtomicFiles;
import dev.pdfvariants.output.OutputSink;

/**
 * Saves a PDF the tool made, then proves it: the file is written to a temporary file beside the
 * outputs (object streams and cross-reference streams, PDFBox's default), re-opened with PDFBox
 * and its page count compared with what was meant, before it is handed to the {@link OutputSink}
 * (the same file, renamed into place when the variant commits).
 * A document that was decrypted on load is saved without encryption unless a protection policy
 * was set on it.
 */
public final class PdfSaver {
    private static final List<COSName> INHERITABLE = List.of(COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX,
            COSName.ROTATE);

    private PdfSaver() {
    }

    /** A checked PDF waiting in a temporary file; {@link #close()} deletes it unless it was staged. */
    public static final class Saved implements AutoCloseable {
        private final Path file;
        private boolean staged;

        private Saved(Path file) {
            this.file = file;
        }

        /** The temporary file (for further checks before staging). */
        public Path file() {
            return file;
        }

        public long size() throws IOException {
            return Files.size(file);
        }

        /** Hands the file to the sink as {@code name} (renamed into place when the variant commits; not copied). */
        public void stage(OutputSink out, String name) throws IOException {
            if (staged) {
                throw new IllegalStateException("already staged: " + file);
            }
            out.adopt(name, file);
            staged = true;
        }

        @Override
        public void close() {
            if (staged) {
                return; // the sink's now: it renames it into place, or deletes it when the variant fails
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // swept by the next run
            }
        }
    }

    /** Saves, checks, stages as {@code name}, and cleans up. */
    public static void write(PDDocument pdf, OutputSink out, String name, int expectedPages, String password)
            throws IOException, DocumentFailure {
        try (Saved saved = save(pdf, out, expectedPages, password)) {
            saved.stage(out, name);
        }
    }

    /**
     * Saves to a temporary file in the document's output directory and checks it.
     *
     * @param expectedPages the page count the file must have
     * @param password      opens the saved file when it is encrypted, else null
     */
    public static Saved save(PDDocument pdf, OutputSink out, int expectedPages, String password)
            throws IOException, DocumentFailure {
        if (pdf.isEncrypted() && (pdf.getEncryption() == null || pdf.getEncryption().getSecurityHandler() == null
                || !pdf.getEncryption().getSecurityHandler().hasProtectionPolicy())) {
            pdf.setAllSecurityToBeRemoved(true);
        }
        repairPageTree(pdf);
        Path temp = AtomicFiles.createTemporary(out.documentDir(), "save");
        Saved saved = new Saved(temp);
        try {
            pdf.save(temp.toFile());
            check(temp.toFile(), expectedPages, password);
            return saved;
        } catch (IOException | DocumentFailure | RuntimeException | Error e) {
            saved.close();
            throw e;
        }
    }

    /**
     * A page tree whose {@code /Count} lies (two billion pages for one) or that loops is rewritten
     * as one flat list of the pages actually reachable, each keeping the attributes it inherited.
     */
    static void repairPageTree(PDDocument pdf) {
        int reachable = Pages.count(pdf);
        if (reachable == pdf.getNumberOfPages()) {
            return;
        }
        COSDictionary root = pdf.getPages().getCOSObject();
        COSArray kids = new COSArray();
        List<PDPage> pages = new ArrayList<>();
        pdf.getPages().forEach(pages::add);
        for (PDPage page : pages) {
            COSDictionary dict = page.getCOSObject();
            for (COSName key : INHERITABLE) {
                COSBase value = PDPageTree.getInheritableAttribute(dict, key);
                if (value != null && !dict.containsKey(key)) {
                    dict.setItem(key, value);
                }
            }
            dict.setItem(COSName.PARENT, root);
            kids.add(dict);
        }
        root.setItem(COSName.KIDS, kids);
        root.setInt(COSName.COUNT, pages.size());
    }

    private static void check(File file, int expectedPages, String password) throws DocumentFailure {
        try (PDDocument reopened = Loader.loadPDF(file, password, PdfLoader.streamCache())) {
            int pages = Pages.count(reopened);
            if (pages != expectedPages || reopened.getNumberOfPages() != expectedPages) {
                throw new DocumentFailure(FailureKind.PROCESSING_ERROR,
                        "the PDF written has " + pages + " pages instead of " + expectedPages);
            }
        } catch (InvalidPasswordException e) {
            throw new DocumentFailure(FailureKind.PROCESSING_ERROR, "the PDF written does not open with its password", e);
        } catch (IOException e) {
            throw new DocumentFailure(FailureKind.PROCESSING_ERROR,
                    "the PDF written does not parse again: " + PdfLoader.oneLine(e), e);
        }
    }
}
