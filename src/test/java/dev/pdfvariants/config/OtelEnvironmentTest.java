package dev.pdfvariants.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pdfvariants.config.TelemetrySettings.TracingSettings;

/** The OTEL_* environment read the way the OpenTelemetry specification defines it. */
class OtelEnvironmentTest {
    @Test
    void tracingIsOffUnlessAskedForAndTheDefaultEndpointIsTheLocalCollector() {
        TracingSettings off = OtelEnvironment.resolve(false, null, null, Map.of());
        assertThat(off.enabled()).isFalse();
        TracingSettings on = OtelEnvironment.resolve(false, null, null, Map.of("ENABLE_TRACING", "1"));
        assertThat(on.enabled()).isTrue();
        assertThat(on.endpoint()).hasToString("http://localhost:4318/v1/traces");
        assertThat(on.protocol()).isEqualTo("http/protobuf");
        assertThat(OtelEnvironment.resolve(true, null, "grpc", Map.of()).endpoint()).hasToString("http://localhost:4317");
    }

    @Test
    void theSdkSwitchesWinOverTheFlag() {
        assertThat(OtelEnvironment.resolve(true, null, null, Map.of("OTEL_SDK_DISABLED", "true")).enabled()).isFalse();
        assertThat(OtelEnvironment.resolve(true, null, null, Map.of("OTEL_TRACES_EXPORTER", "none")).enabled()).isFalse();
    }

    @Test
    void aBaseEndpointGetsTheTracesPathButASignalEndpointIsTakenAsItIs() {
        assertThat(OtelEnvironment.resolve(true, null, null, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318/"))
                .endpoint()).hasToString("http://c:4318/v1/traces");
        assertThat(OtelEnvironment.resolve(true, null, null, Map.of("OTLP_ENDPOINT", "http://a:4318",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://b:4318")).endpoint()).hasToString("http://a:4318/v1/traces");
        assertThat(OtelEnvironment.resolve(true, null, null, Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "https://c/custom", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://b:4318")).endpoint())
                .hasToString("https://c/custom");
        assertThat(OtelEnvironment.resolve(true, "http://flag:4318", null, Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "https://c/custom")).endpoint()).hasToString("http://flag:4318/v1/traces");
    }

    @Test
    void headersResourceAttributesAndTimeoutFollowTheSpecification() {
        TracingSettings s = OtelEnvironment.resolve(true, null, null, Map.of(
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=a%3Db,x-team = docs",
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes,region=eu%20west",
                "OTEL_EXPORTER_OTLP_TIMEOUT", "60000",
                "TRACEPARENT", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertThat(s.headers()).containsOnlyKeys("api-key", "x-team");
        assertThat(s.headers().get("api-key").reveal()).isEqualTo("a=b");
        assertThat(s.headers().get("api-key")).hasToString("****");
        assertThat(s.serviceName()).isEqualTo("from-attributes");
        assertThat(s.resourceAttributes()).containsEntry("region", "eu west");
        assertThat(s.timeout()).as("capped, so that exit is never stalled").isEqualTo(Duration.ofSeconds(10));
        assertThat(s.traceparent()).startsWith("00-4bf92f35");
        assertThat(OtelEnvironment.resolve(true, null, null, Map.of("OTEL_SERVICE_NAME", "svc",
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=other")).serviceName()).isEqualTo("svc");
    }

    @Test
    void badValuesNameTheVariableWithoutEchoingSecrets() {
        assertThatThrownBy(() -> OtelEnvironment.resolve(true, null, null, Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "thrift")))
                .hasMessageContaining("'thrift' is not supported");
        assertThatThrownBy(() -> OtelEnvironment.resolve(true, null, null, Map.of("ENABLE_TRACING", "maybe")))
                .hasMessageContaining("ENABLE_TRACING must be true or false");
        assertThatThrownBy(() -> OtelEnvironment.resolve(true, null, null,
                Map.of("OTEL_EXPORTER_OTLP_HEADERS", "secret-token-without-key")))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_HEADERS").hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> OtelEnvironment.resolve(true, "ftp://x", null, Map.of()))
                .hasMessageContaining("--otlp-endpoint must be an http:// or https:// URL");
    }
}
