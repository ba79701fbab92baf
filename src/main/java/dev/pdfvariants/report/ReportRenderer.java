package dev.pdfvariants.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/** The merged report for people: a plain-text summary for terminals and CI logs, and a standalone HTML page. */
public final class ReportRenderer {
    private ReportRenderer() {
    }

    public static String text(MergedReport r) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        long usedShards = r.shards().stream().filter(MergedReport.Shard::used).count();
        out.printf(Locale.ROOT, "Batch report: %d of %d shard(s), %d document(s)%s%n", usedShards, r.shardCount(),
                r.counts().discovered(), r.complete() ? "" : " — INCOMPLETE");
        out.printf(Locale.ROOT, "  succeeded %d, failed %d, skipped (up to date) %d%n", r.counts().succeeded(),
                r.counts().failed(), r.counts().skipped());
        if (r.startedAt() != null && r.finishedAt() != null) {
            out.printf(Locale.ROOT, "  from %s to %s%n", r.startedAt(), r.finishedAt());
        }
        out.println();
        out.println("Shards:");
        for (MergedReport.Shard s : r.shards()) {
            out.printf(Locale.ROOT, "  %-9s %5d docs %5d failed  exit %-3d %8.1fs  %-16s %s%s%n", s.label(),
                    s.counts().discovered(), s.counts().failed(), s.exitCode(), s.durationMs() / 1000.0,
                    s.host() == null ? "-" : s.host(), s.manifest(), s.used() ? "" : "  (not counted)");
        }
        for (String missing : r.missingShards()) {
            out.printf(Locale.ROOT, "  %-9s MISSING%n", missing);
        }
        if (!r.failures().isEmpty()) {
            out.println();
            out.println("Failed documents:");
            for (MergedReport.Failure f : r.failures()) {
                out.printf(Locale.ROOT, "  %s  [%s, shard %s]  %s%n", f.path(), f.kind(), f.shard(),
                        f.message() == null ? "" : f.message());
            }
        }
        if (!r.problems().isEmpty()) {
            out.println();
            out.println("Problems:");
            for (String p : r.problems()) {
                out.println("  - " + p);
            }
        }
        out.flush();
        return buffer.toString();
    }

    public static String html(MergedReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>pdfvariants report</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
                        + "margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#f3f3f3}"
                        + ".bad{color:#b00020;font-weight:bold}.ok{color:#1b5e20;font-weight:bold}</style>\n</head>\n<body>\n");
        h.append("<h1>pdfvariants batch report</h1>\n<p class=\"").append(r.complete() && r.counts().failed() == 0 ? "ok" : "bad")
                .append("\">").append(r.complete() ? "Complete" : "Incomplete").append(": ")
                .append(r.shards().stream().filter(MergedReport.Shard::used).count()).append(" of ").append(r.shardCount())
                .append(" shard(s), ").append(r.counts().discovered()).append(" document(s); ")
                .append(r.counts().succeeded()).append(" succeeded, ").append(r.counts().failed()).append(" failed, ")
                .append(r.counts().skipped()).append(" skipped. Exit code ").append(r.exitCode()).append(".</p>\n");
        if (!r.problems().isEmpty()) {
            h.append("<h2>Problems</h2>\n<ul>\n");
            r.problems().forEach(p -> h.append("<li class=\"bad\">").append(escape(p)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("<h2>Shards</h2>\n<table>\n<tr><th>shard</th><th>documents</th><th>succeeded</th><th>failed</th>"
                + "<th>skipped</th><th>exit</th><th>duration (s)</th><th>host</th><th>manifest</th></tr>\n");
        for (MergedReport.Shard s : r.shards()) {
            h.append("<tr><td>").append(escape(s.label())).append(s.used() ? "" : " (not counted)").append("</td><td>")
                    .append(s.counts().discovered()).append("</td><td>").append(s.counts().succeeded()).append("</td><td>")
                    .append(s.counts().failed()).append("</td><td>").append(s.counts().skipped()).append("</td><td>")
                    .append(s.exitCode()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", s.durationMs() / 1000.0)).append("</td><td>")
                    .append(escape(s.host())).append("</td><td>").append(escape(s.manifest())).append("</td></tr>\n");
        }
        for (String missing : r.missingShards()) {
            h.append("<tr><td class=\"bad\">").append(escape(missing)).append("</td><td colspan=\"8\" class=\"bad\">missing</td></tr>\n");
        }
        h.append("</table>\n");
        if (!r.failures().isEmpty()) {
            h.append("<h2>Failed documents</h2>\n<table>\n<tr><th>document</th><th>error</th><th>shard</th><th>message</th></tr>\n");
            for (MergedReport.Failure f : r.failures()) {
                h.append("<tr><td>").append(escape(f.path())).append("</td><td>").append(escape(f.kind())).append("</td><td>")
                        .append(escape(f.shard())).append("</td><td>").append(escape(f.message())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
