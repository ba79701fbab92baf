package dev.pdfvariants.resilience;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handlers for SIGINT and SIGTERM that let a batch stop cleanly instead of the JVM exiting at
 * once. The JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported}) is the only way to know
 * which signal arrived; it is reached by reflection so that the build stays free of warnings and a
 * runtime without it keeps the JVM's default behaviour (exit, running shutdown hooks).
 */
final class ShutdownSignals {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);
    private static final List<String> NAMES = List.of("INT", "TERM");

    private final List<Object[]> previous = new ArrayList<>();

    private ShutdownSignals() {
    }

    /** Calls {@code onSignal} with {@code INT} or {@code TERM}, on a signal thread, each time one arrives. */
    static ShutdownSignals install(Consumer<String> onSignal) {
        ShutdownSignals installed = new ShutdownSignals();
        Api api;
        try {
            api = new Api();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("cannot handle signals; SIGINT/SIGTERM end the run at once", e);
            return installed;
        }
        for (String name : NAMES) {
            try {
                Object handler = api.handler((proxy, method, args) -> {
                    if (method.getName().equals("handle")) {
                        onSignal.accept(name);
                        return null;
                    }
                    return objectMethod(proxy, method, args);
                });
                Object signal = api.signal(name);
                installed.previous.add(new Object[] {signal, api.handle.invoke(null, signal, handler)});
            } catch (ReflectiveOperationException | RuntimeException e) {
                // e.g. SIGINT is ignored when started in the background by a shell: leave it so
                LOG.debug("cannot handle SIG{}", name, e);
            }
        }
        return installed;
    }

    /** Makes this JVM ignore SIGINT and SIGTERM: for worker processes, which their parent stops. */
    static void ignore() {
        try {
            Api api = new Api();
            Object ignore = api.handlerType.getField("SIG_IGN").get(null);
            for (String name : NAMES) {
                try {
                    api.handle.invoke(null, api.signal(name), ignore);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.debug("cannot ignore SIG{}", name, e);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("cannot ignore signals", e);
        }
    }

    /** Puts back the handlers that were there before. */
    void restore() {
        try {
            Api api = new Api();
            for (Object[] p : previous) {
                api.handle.invoke(null, p[0], p[1]);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("cannot restore signal handlers", e);
        }
        previous.clear();
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "pdfvariants shutdown handler";
        };
    }

    /** {@code sun.misc.Signal} and {@code sun.misc.SignalHandler}, by reflection. */
    private static final class Api {
        final Class<?> handlerType;
        final Constructor<?> signalConstructor;
        final Method handle;

        Api() throws ReflectiveOperationException {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            handlerType = Class.forName("sun.misc.SignalHandler");
            signalConstructor = signalType.getConstructor(String.class);
            handle = signalType.getMethod("handle", signalType, handlerType);
        }

        Object signal(String name) throws ReflectiveOperationException {
            return signalConstructor.newInstance(name);
        }

        Object handler(InvocationHandler body) {
            return Proxy.newProxyInstance(ShutdownSignals.class.getClassLoader(), new Class<?>[] {handlerType}, body);
        }
    }
}
