package dev.pdfvariants.pdf;

import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;

/** How a PDF is encrypted and what the password used allows, in the terms metadata.json and inspect share. */
public final class EncryptionFacts {
    private EncryptionFacts() {
    }

    /** {@code AES-256}, {@code AES-128} or {@code RC4-<bits>}. */
    public static String algorithm(PDEncryption enc) {
        if (enc.getVersion() >= 5) {
            return "AES-256";
        }
        if (enc.getVersion() == 4 && enc.getStdCryptFilterDictionary() != null
                && enc.getStdCryptFilterDictionary().getCryptFilterMethod() != null
                && "AESV2".equals(enc.getStdCryptFilterDictionary().getCryptFilterMethod().getName())) {
            return "AES-128";
        }
        return "RC4-" + keyBits(enc);
    }

    public static int keyBits(PDEncryption enc) {
        if (enc.getVersion() >= 5) {
            return 256;
        }
        return enc.getLength() > 0 ? enc.getLength() : 40;
    }

    /** Each permission by name (print, printHighQuality, modify, extractContent …), sorted. */
    public static Map<String, Boolean> permissions(AccessPermission ap) {
        Map<String, Boolean> permissions = new TreeMap<>();
        permissions.put("print", ap.canPrint());
        permissions.put("printHighQuality", ap.canPrintFaithful());
        permissions.put("modify", ap.canModify());
        permissions.put("extractContent", ap.canExtractContent());
        permissions.put("extractForAccessibility", ap.canExtractForAccessibility());
        permissions.put("modifyAnnotations", ap.canModifyAnnotations());
        permissions.put("fillInForm", ap.canFillInForm());
        permissions.put("assemble", ap.canAssembleDocument());
        return permissions;
    }
}
