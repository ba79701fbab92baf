package dev.pdfvariants.variant;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import dev.pdfvariants.config.DocumentSettings.Permission;
import dev.pdfvariants.config.DocumentSettings.Protection;
import dev.pdfvariants.config.VariantSettings;
import dev.pdfvariants.document.DocumentContext;
import dev.pdfvariants.document.Pages;
import dev.pdfvariants.error.PdfVariantsException;
import dev.pdfvariants.output.OutputSink;
import dev.pdfvariants.pdf.PdfSaver;
import dev.pdfvariants.pdf.Restrictions;

/**
 * {@code encrypted.pdf}: the document encrypted with AES-256; it opens with the password from
 * {@code --encrypt-password-file} or {@code PDFVARIANTS_ENCRYPT_PASSWORD} (never the command line),
 * and grants the {@code --encrypt-permissions}. The owner password is the configured one, or a
 * random one nobody knows. Works on a private copy.
 */
final class EncryptedVariant implements Variant {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String name() {
        return "encrypted";
    }

    @Override
    public VariantKind kind() {
        return VariantKind.DOCUMENT;
    }

    @Override
    public String description() {
        return "AES-256 with the password of --encrypt-password-file / PDFVARIANTS_ENCRYPT_PASSWORD, --encrypt-permissions";
    }

    @Override
    public List<String> outputs() {
        return List.of("encrypted.pdf");
    }

    @Override
    public int version() {
        return 1;
    }

    /** Where the passwords come from and what they allow; never the passwords themselves. */
    @Override
    public Map<String, Object> options(VariantSettings settings) {
        Protection p = settings.document().protection();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("algorithm", "AES-256");
        options.put("permissions", Permission.describe(p.permissions()));
        options.put("password-from", p.userPassword() == null ? "none" : p.userPassword().origin());
        options.put("owner-password-from", p.ownerPassword() == null ? "random" : p.ownerPassword().origin());
        return options;
    }

    @Override
    public void check(VariantSettings settings) {
        Protection p = settings.document().protection();
        if (p.userPassword() == null || p.userPassword().reveal().isEmpty()) {
            throw PdfVariantsException.usage("the encrypted variant needs a password to encrypt with",
                    "Pass --encrypt-password-file FILE (first line = the password) or set PDFVARIANTS_ENCRYPT_PASSWORD; "
                            + "or leave encrypted out of -v.");
        }
    }

    @Override
    public void generate(DocumentContext document, OutputSink out) throws Exception {
        Protection protection = document.settings().document().protection();
        String user = protection.userPassword().reveal();
        String owner = protection.ownerPassword() != null ? protection.ownerPassword().reveal() : randomPassword();
        try (PDDocument copy = Restrictions.openCopy(document, Restrictions.Operation.MODIFY)) {
            int pages = Pages.count(copy);
            if (copy.isEncrypted()) {
                // drop the input's own encryption dictionary: the new one is made from scratch
                copy.getDocument().getTrailer().removeItem(COSName.ENCRYPT);
                copy.setEncryptionDictionary(null);
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, permissions(protection.permissions()));
            policy.setEncryptionKeyLength(256);
            policy.setPreferAES(true);
            copy.protect(policy);
            PdfSaver.write(copy, out, "encrypted.pdf", pages, user);
        }
    }

    private static AccessPermission permissions(Set<Permission> allowed) {
        AccessPermission ap = new AccessPermission();
        ap.setCanPrint(allowed.contains(Permission.PRINT));
        ap.setCanPrintFaithful(allowed.contains(Permission.PRINT_HIGH));
        ap.setCanModify(allowed.contains(Permission.MODIFY));
        ap.setCanExtractContent(allowed.contains(Permission.COPY));
        ap.setCanExtractForAccessibility(allowed.contains(Permission.ACCESSIBILITY));
        ap.setCanModifyAnnotations(allowed.contains(Permission.ANNOTATE));
        ap.setCanFillInForm(allowed.contains(Permission.FILL_FORMS));
        ap.setCanAssembleDocument(allowed.contains(Permission.ASSEMBLE));
        return ap;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
