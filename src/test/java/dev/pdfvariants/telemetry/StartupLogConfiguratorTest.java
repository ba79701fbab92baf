package dev.pdfvariants.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;

class StartupLogConfiguratorTest {
    @Test
    void logbackStartsWithWarningsOnStderrAndPdfBoxSilent() throws Exception {
        // a fresh context initialised the way logback initialises its default one: through the service
        LoggerContext context = new LoggerContext();
        new ContextInitializer(context).autoConfig();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        ConsoleAppender<?> appender = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"),
                "the service's appender, not logback's default (DEBUG to stdout)");
        assertEquals("System.err", appender.getTarget());
        assertEquals(Level.OFF, context.getLogger("org.apache.pdfbox").getLevel());
        assertEquals(Level.OFF, context.getLogger("org.apache.fontbox").getLevel());
        context.stop();
    }
}
