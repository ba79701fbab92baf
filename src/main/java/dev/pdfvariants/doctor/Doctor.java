package dev.pdfvariants.doctor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.pdfvariants.config.Secret;
import dev.pdfvariants.config.TelemetrySettings.MetricsSettings;
import dev.pdfvariants.config.TelemetrySettings.TracingSettings;

/**
 * Checks that a machine is set up for batches: the output directory is writable, the Pushgateway
 * and the OTLP collector answer (when configured), the heap suits the worker count, the JVM has
 * fonts to render with, and the language-model provider answers (when configured). Each check is
 * bounded in time; a check of something not configured is skipped, not failed.
 */
public final class Doctor {
    private final Settings settings;

    /**
     * What to check.
     *
     * @param output        the output directory, or null
     * @param workers       the worker count the heap must serve
     * @param metrics       the Pushgateway settings
     * @param tracing       the OTLP settings
     * @param providerUrl   the OpenAI-compatible provider's base URL, or null
     * @param providerKey   its API key, or null
     * @param providerModel the model the variants would ask, or null
     * @param timeout       bound on each network check
     */
    public record Settings(Path output, int workers, MetricsSettings metrics, TracingSettings tracing, URI providerUrl,
            Secret providerKey, String providerModel, Duration timeout) {
    }

    public Doctor(Settings settings) {
        this.settings = settings;
    }

    /** Runs every check in a fixed order. */
    public List<CheckResult> run() {
        Endpoints endpoints = new Endpoints(settings.timeout());
        List<CheckResult> results = new ArrayList<>();
        results.add(LocalChecks.output(settings.output()));
        results.add(endpoints.pushgateway(settings.metrics()));
        results.add(endpoints.otlp(settings.tracing()));
        results.add(LocalChecks.heap(Runtime.getRuntime().maxMemory(), settings.workers()));
        results.add(LocalChecks.fonts());
        results.add(endpoints.provider(settings.providerUrl(), settings.providerKey(), settings.providerModel()));
        return results;
    }

    public static boolean allPassed(List<CheckResult> results) {
        return results.stream().noneMatch(r -> r.outcome() == CheckResult.Outcome.FAIL);
    }
}
