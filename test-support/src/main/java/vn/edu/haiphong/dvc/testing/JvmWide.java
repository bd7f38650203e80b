package vn.edu.haiphong.dvc.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a static method of one of this package's holder classes as loaded by the system class loader.
 *
 * <p>Quarkus loads test classes and test resources in class loaders of its own, one per application, and
 * closes them when the application stops. A server started from such a loader could no longer load the
 * classes it needs to restart or shut down once that loader is closed. The system class loader sees the
 * same jars (they are on the test class path) and lives as long as the JVM, so the servers are started
 * there; {@link Control} makes them reachable from every loader.
 */
final class JvmWide {

    private JvmWide() {
    }

    /** The holder class as the system class loader has it, or the given one when that loader cannot see it. */
    static Class<?> holder(Class<?> holder) {
        try {
            return Class.forName(holder.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return holder;
        }
    }

    /** Calls a static no-argument method of the holder, with the holder's loader as context class loader. */
    static Object call(Class<?> holder, String method) {
        Class<?> target = holder(holder);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Kafka and the database library load some classes and resources through the context class loader,
        // which in a Quarkus test is the test's own loader; they must see the holder's classes instead.
        thread.setContextClassLoader(target.getClassLoader());
        try {
            Method m = target.getDeclaredMethod(method);
            m.setAccessible(true);
            return m.invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + target.getName() + "." + method, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
