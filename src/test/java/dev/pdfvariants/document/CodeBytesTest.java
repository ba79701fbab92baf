package dev.pdfvariants.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link CodeBytes} answers every call as {@link ByteArrayInputStream} does, whatever the order of calls. */
class CodeBytesTest {

    @Test
    void randomCallsGiveTheAnswersOfAByteArrayInputStream() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            ByteArrayInputStream expected = new ByteArrayInputStream(bytes);
            CodeBytes actual = new CodeBytes(bytes);
            for (int call = 0; call < 30; call++) {
                String what = "round " + round + ", call " + call;
                switch (random.nextInt(6)) {
                    case 0 -> assertThat(actual.read()).as(what).isEqualTo(expected.read());
                    case 1 -> {
                        int off = random.nextInt(3);
                        int len = random.nextInt(5);
                        byte[] a = new byte[8];
                        byte[] e = new byte[8];
                        assertThat(actual.read(a, off, len)).as(what).isEqualTo(expected.read(e, off, len));
                        assertThat(a).as(what).isEqualTo(e);
                    }
                    case 2 -> {
                        long n = random.nextInt(6) - 1;
                        assertThat(actual.skip(n)).as(what).isEqualTo(expected.skip(n));
                    }
                    case 3 -> {
                        int limit = random.nextInt(4);
                        actual.mark(limit);
                        expected.mark(limit);
                    }
                    case 4 -> {
                        actual.reset();
                        expected.reset();
                    }
                    default -> assertThat(actual.available()).as(what).isEqualTo(expected.available());
                }
            }
            assertThat(actual.markSupported()).isEqualTo(expected.markSupported());
            assertThat(actual.available()).isEqualTo(expected.available());
        }
    }

    @Test
    void bytesReadAsUnsignedValues() {
        CodeBytes in = new CodeBytes(new byte[] {(byte) 0xFF, 0x00, 0x7F});
        int[] read = {in.read(), in.read(), in.read(), in.read()};
        assertThat(Arrays.stream(read).boxed().toList()).containsExactly(255, 0, 127, -1);
    }
}
