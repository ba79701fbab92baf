package dev.pdfvariants.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.pdfvariants.error.ExitCode;

/**
 * Merges the manifests of a batch's shards into one {@link MergedReport}, and says what makes it
 * incomplete:
 * <ul>
 * <li>a <b>missing</b> shard: no manifest for some K in 0..N-1;</li>
 * <li>a <b>duplicated</b> shard: two manifests of the same shard from different runs (the later
 * one is counted; copies of one manifest, same batch id, are not a problem);</li>
 * <li>manifests from <b>different splits</b> (N differs): those of the most common N are used;</li>
 * <li>a document <b>processed twice</b>, by two shards;</li>
 * <li>a shard that <b>stopped early</b> (interrupted, or an exit code other than 0 and 1).</li>
 * </ul>
 * Exit code: {@link ExitCode#SHARDS_INCOMPLETE} when any of these, else
 * {@link ExitCode#DOCUMENTS_FAILED} when a document failed, else {@link ExitCode#OK}.
 */
public final class ReportMerger {
    private ReportMerger() {
    }

    /** Finds, reads and merges the manifests under {@code locations} (output directories or manifest files). */
    public static MergedReport merge(List<Path> locations) {
        List<ShardManifest> manifests = ManifestFinder.find(locations).stream().map(ShardManifest::read).toList();
        return merge(manifests, locations);
    }

    static MergedReport merge(List<ShardManifest> all, List<Path> locations) {
        List<String> problems = new ArrayList<>();
        Map<Integer, Long> byCount = all.stream().collect(Collectors.groupingBy(ShardManifest::count, TreeMap::new,
                Collectors.counting()));
        int n = byCount.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(1);
        if (byCount.size() > 1) {
            problems.add("the manifests come from different splits (" + byCount.keySet().stream()
                    .map(c -> "N=" + c + ": " + files(all, m -> m.count() == c)).collect(Collectors.joining("; "))
                    + "); only those with N=" + n + " are counted. Report on the outputs of one split at a time.");
        }

        Map<Integer, List<ShardManifest>> byIndex = new TreeMap<>();
        for (ShardManifest m : all) {
            if (m.count() == n) {
                byIndex.computeIfAbsent(m.index(), k -> new ArrayList<>()).add(m);
            }
        }
        Set<ShardManifest> used = new LinkedHashSet<>();
        List<String> duplicated = new ArrayList<>();
        for (Map.Entry<Integer, List<ShardManifest>> e : byIndex.entrySet()) {
            List<ShardManifest> group = e.getValue();
            ShardManifest chosen = group.stream().max(Comparator.comparing(ShardManifest::finishedAt,
                    Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(m -> m.file().toString())).get();
            used.add(chosen);
            long runs = group.stream().map(ShardManifest::batchId).distinct().count();
            if (runs > 1) {
                duplicated.add(chosen.label());
                problems.add("shard " + chosen.label() + " was run " + runs + " times (" + files(group, m -> true)
                        + "); the latest, " + chosen.file() + ", is counted. Keep one output per shard.");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (!byIndex.containsKey(k)) {
                String label = k + "-of-" + n;
                missing.add(label);
                problems.add("shard " + label + " is missing: no manifest-" + label + ".json in "
                        + locations.stream().map(Path::toString).collect(Collectors.joining(", "))
                        + ". Run it (pdfvariants run … --shard " + k + "/" + n + ") or pass its output directory.");
            }
        }
        for (ShardManifest m : used) {
            boolean finished = m.exitCode() == ExitCode.OK.code() || m.exitCode() == ExitCode.DOCUMENTS_FAILED.code();
            if (!finished || (m.stopReason() != null && !m.stopReason().isEmpty())) {
                problems.add("shard " + m.label() + " stopped before the end (exit code " + m.exitCode()
                        + (m.stopReason() != null ? ", " + m.stopReason() : "") + "): its documents are not all "
                        + "processed. Run it again (a re-run skips what is done).");
            }
        }

        Map<String, List<String>> shardsByDocument = new TreeMap<>();
        List<MergedReport.Failure> failures = new ArrayList<>();
        ShardManifest.Counts counts = new ShardManifest.Counts(0, 0, 0, 0);
        for (ShardManifest m : used) {
            counts = counts.plus(m.counts());
            for (ShardManifest.Document d : m.documents()) {
                shardsByDocument.computeIfAbsent(d.path(), p -> new ArrayList<>()).add(m.label());
                if ("failed".equals(d.status())) {
                    failures.add(new MergedReport.Failure(d.path(), m.label(), d.errorKind(), d.errorMessage()));
                }
            }
        }
        failures.sort(Comparator.comparing(MergedReport.Failure::path).thenComparing(MergedReport.Failure::shard));
        List<MergedReport.DocumentInSeveralShards> twice = shardsByDocument.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> new MergedReport.DocumentInSeveralShards(e.getKey(), List.copyOf(e.getValue()))).toList();
        if (!twice.isEmpty()) {
            problems.add(twice.size() + " document(s) were processed by more than one shard (first: "
                    + twice.get(0).path() + " in " + String.join(", ", twice.get(0).shards())
                    + "): the shards did not split the same input the same way. Run every shard with the same "
                    + "inputs, filters and tool version.");
        }

        List<MergedReport.Shard> shards = all.stream()
                .sorted(Comparator.comparingInt(ShardManifest::count).thenComparingInt(ShardManifest::index)
                        .thenComparing(m -> m.file().toString()))
                .map(m -> new MergedReport.Shard(m.label(), m.index(), m.count(), m.file().toString(), m.batchId(),
                        m.host(), m.environment(), m.startedAt(), m.finishedAt(), m.durationMs(), counts(m.counts()),
                        m.exitCode(), m.stopReason(), used.contains(m)))
                .toList();
        List<String> variants = used.stream().flatMap(m -> m.variants().stream()).distinct().toList();
        Instant started = used.stream().map(ShardManifest::startedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        Instant finished = used.stream().map(ShardManifest::finishedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        ExitCode exit = !problems.isEmpty() ? ExitCode.SHARDS_INCOMPLETE
                : counts.failed() > 0 ? ExitCode.DOCUMENTS_FAILED : ExitCode.OK;
        return new MergedReport(n, shards, missing, duplicated, twice, counts(counts), failures, variants, started,
                finished, problems, exit.code());
    }

    private static MergedReport.Counts counts(ShardManifest.Counts c) {
        return new MergedReport.Counts(c.discovered(), c.succeeded(), c.failed(), c.skipped());
    }

    private static String files(List<ShardManifest> manifests, java.util.function.Predicate<ShardManifest> which) {
        return manifests.stream().filter(which).map(m -> m.file().toString()).sorted()
                .collect(Collectors.joining(", "));
    }
}
