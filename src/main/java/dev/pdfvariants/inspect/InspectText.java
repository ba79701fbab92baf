package dev.pdfvariants.inspect;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

import dev.pdfvariants.config.Sizes;

/** The human form of an {@link InspectReport}: one fact per line, aligned. */
public final class InspectText {
    private InspectText() {
    }

    public static void print(InspectReport r, PrintWriter out) {
        line(out, "file", r.file() + " (" + Sizes.human(r.bytes()) + ")");
        line(out, "version", "PDF " + r.pdfVersion());
        line(out, "pages", Integer.toString(r.pages()));
        line(out, "title", r.title());
        line(out, "producer", r.producer());
        line(out, "creator", r.creator());
        line(out, "language", r.language());
        InspectReport.Encryption e = r.encryption();
        line(out, "encryption", !e.encrypted() ? "none"
                : e.algorithm() + " (revision " + e.revision() + ")" + (e.ownerAccess() ? ", opened with owner rights" : ""));
        if (e.encrypted()) {
            line(out, "allowed", names(e.permissions(), true));
            line(out, "denied", names(e.permissions(), false));
        }
        InspectReport.Outline o = r.outline();
        line(out, "outline", o.items() == 0 ? "none"
                : o.items() + " items, depth " + o.depth() + (o.truncated() ? " (stopped: too many or looping)" : ""));
        InspectReport.Fonts f = r.fonts();
        line(out, "fonts", f.total() + " (" + f.embedded() + " embedded, " + f.notEmbedded() + " not embedded)");
        for (InspectReport.Font font : f.list()) {
            out.printf("  %-40s %-14s %s%n", font.name(), font.type(), font.embedded() ? "embedded" : "not embedded");
        }
        line(out, "images", r.images().total() + (r.images().byType().isEmpty() ? "" : " (" + counts(r.images().byType()) + ")"));
        InspectReport.TextLayer t = r.textLayer();
        line(out, "text layer", t.present() ? "yes (first on page " + t.firstPageWithText() + ")"
                : "no (none on the first " + t.pagesChecked() + " pages)");
        line(out, "javascript", r.javascript() ? "yes" : "no");
        line(out, "attachments", Integer.toString(r.attachments()));
        line(out, "active content", r.activeContent().isEmpty() ? "none" : counts(r.activeContent()));
        line(out, "form", r.form() ? "yes" : "no");
        line(out, "tagged", r.tagged() ? "yes" : "no");
        out.flush();
    }

    private static String names(Map<String, Boolean> permissions, boolean value) {
        String names = permissions.entrySet().stream().filter(p -> p.getValue() == value).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "nothing" : names;
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(c -> c.getKey() + " " + c.getValue()).collect(Collectors.joining(", "));
    }

    private static void line(PrintWriter out, String key, String value) {
        if (value != null) {
            out.printf("%-15s %s%n", key + ":", value);
        }
    }
}
