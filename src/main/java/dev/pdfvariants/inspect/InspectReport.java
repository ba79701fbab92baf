package dev.pdfvariants.inspect;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code pdfvariants inspect} reports about one PDF.
 *
 * @param activeContent JavaScript, actions, embedded files … found, by kind (empty when none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectReport(String file, long bytes, String pdfVersion, int pages, String producer, String creator,
        String title, String language, Encryption encryption, Outline outline, Fonts fonts, Images images,
        TextLayer textLayer, boolean javascript, int attachments, Map<String, Integer> activeContent, boolean form,
        boolean tagged) {

    /** @param permissions what the password used may do; null when not encrypted */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Encryption(boolean encrypted, String algorithm, Integer keyBits, Integer revision,
            Boolean ownerAccess, Map<String, Boolean> permissions) {
    }

    /** @param depth levels of nesting (0 without an outline) */
    public record Outline(int items, int depth, boolean truncated) {
    }

    public record Fonts(int total, int embedded, int notEmbedded, List<Font> list) {
    }

    public record Font(String name, String type, boolean embedded) {
    }

    /** @param byType counts by encoding: jpeg, jpeg2000, jbig2, ccitt, flate, lzw, raw … */
    public record Images(int total, Map<String, Integer> byType) {
    }

    /** @param pagesChecked pages read to decide (it stops at the first page with text) */
    public record TextLayer(boolean present, Integer firstPageWithText, int pagesChecked) {
    }
}
