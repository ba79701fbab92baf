package dev.pdfvariants.doctor;

import java.util.Objects;

/**
 * The outcome of one check.
 *
 * @param name    the check, e.g. {@code pushgateway}
 * @param outcome passed, failed, or skipped because nothing is configured for it
 * @param detail  what was found, for humans
 * @param remedy  what to do when it failed, or null
 */
public record CheckResult(String name, Outcome outcome, String detail, String remedy) {
    /** How a check ended. Skipped checks do not fail the doctor: an unconfigured endpoint is not broken. */
    public enum Outcome {
        OK, FAIL, SKIP
    }

    public CheckResult {
        Objects.requireNonNull(name);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(detail);
    }

    static CheckResult ok(String name, String detail) {
        return new CheckResult(name, Outcome.OK, detail, null);
    }

    static CheckResult fail(String name, String detail, String remedy) {
        return new CheckResult(name, Outcome.FAIL, detail, remedy);
    }

    static CheckResult skip(String name, String detail) {
        return new CheckResult(name, Outcome.SKIP, detail, null);
    }

    /** The one line the doctor prints: status, name, detail, and the remedy after a dash. */
    public String line() {
        String status = switch (outcome) {
            case OK -> "ok  ";
            case FAIL -> "FAIL";
            case SKIP -> "skip";
        };
        return String.format("%s  %-12s %s%s", status, name, detail, remedy != null ? " - " + remedy : "");
    }
}
