package dev.pdfvariants.pdf;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;

import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.error.DocumentFailure;
import dev.pdfvariants.error.FailureKind;

/**
 * The permissions of an encrypted input, honoured the way PDFBox's own tools do: a variant that
 * changes, splits or copies from a document needs the matching permission, or the owner password.
 * Unencrypted documents allow everything.
 */
public final class Restrictions {
    private Restrictions() {
    }

    /** What a variant does to the document. */
    public enum Operation {
        MODIFY("change it"),
        ASSEMBLE("split it into parts"),
        EXTRACT("copy content out of it");

        private final String description;

        Operation(String description) {
            this.description = description;
        }
    }

    /**
     * A private copy of the context's document ({@link DocumentContext#openCopy()}) that the
     * variant may change, after checking that the document's permissions allow the operation.
     */
    public static PDDocument openCopy(DocumentContext context, Operation operation) throws DocumentFailure, IOException {
        PDDocument copy = context.openCopy();
        try {
            require(copy, operation);
            return copy;
        } catch (DocumentFailure | RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** Throws a {@code restricted} failure when the document's permissions forbid the operation. */
    public static void require(PDDocument pdf, Operation operation) throws DocumentFailure {
        if (!pdf.isEncrypted()) {
            return;
        }
        AccessPermission permission = pdf.getCurrentAccessPermission();
        boolean allowed = switch (operation) {
            case MODIFY -> permission.canModify();
            case ASSEMBLE -> permission.canAssembleDocument();
            case EXTRACT -> permission.canExtractContent();
        };
        if (!allowed && !permission.isOwnerPermission()) {
            throw new DocumentFailure(FailureKind.RESTRICTED,
                    "encrypted with restrictions: its permissions do not allow to " + operation.description
                            + " without the owner password");
        }
    }
}
