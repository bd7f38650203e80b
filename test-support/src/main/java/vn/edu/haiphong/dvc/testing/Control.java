package vn.edu.haiphong.dvc.testing;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.RuntimeMBeanException;

/**
 * Publishes a test server's controls JVM-wide as a platform MBean, so that code in any class loader can find
 * and drive the one server with JDK types only.
 *
 * <p>Not {@link System#getProperties()}: libraries copy every system property with
 * {@code Properties.setProperty}, and Narayana, which every Quarkus datasource application starts, fails
 * with a NullPointerException on a value that is not a String.
 */
final class Control implements DynamicMBean {

    static final ObjectName KAFKA = name("KafkaTestBroker");
    static final ObjectName POSTGRES = name("PostgresTestServer");

    private final Map<String, Supplier<String>> attributes;
    private final Map<String, Runnable> operations;
    private final ClassLoader loader;

    private Control(Map<String, Supplier<String>> attributes, Map<String, Runnable> operations) {
        this.attributes = new LinkedHashMap<>(attributes);
        this.operations = new LinkedHashMap<>(operations);
        this.loader = Control.class.getClassLoader();
    }

    /**
     * Registers the controls under {@code name}.
     *
     * @return false when another class loader registered that name first; its server is then the one to use
     */
    static boolean register(ObjectName name, Map<String, Supplier<String>> attributes,
            Map<String, Runnable> operations) {
        try {
            server().registerMBean(new Control(attributes, operations), name);
            return true;
        } catch (InstanceAlreadyExistsException e) {
            return false;
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("cannot register " + name, e);
        }
    }

    static boolean isRegistered(ObjectName name) {
        return server().isRegistered(name);
    }

    static String attribute(ObjectName name, String attribute) {
        try {
            return (String) server().getAttribute(name, attribute);
        } catch (InstanceNotFoundException e) {
            throw notRegistered(name, e);
        } catch (javax.management.JMException | RuntimeMBeanException e) {
            throw failure(name, attribute, e);
        }
    }

    static void invoke(ObjectName name, String operation) {
        try {
            server().invoke(name, operation, new Object[0], new String[0]);
        } catch (InstanceNotFoundException e) {
            throw notRegistered(name, e);
        } catch (javax.management.JMException | RuntimeMBeanException e) {
            throw failure(name, operation, e);
        }
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        Supplier<String> supplier = attributes.get(attribute);
        if (supplier == null) {
            throw new AttributeNotFoundException(attribute);
        }
        return withOwnContextLoader(supplier);
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws MBeanException,
            ReflectionException {
        Runnable operation = operations.get(actionName);
        if (operation == null) {
            throw new ReflectionException(new NoSuchMethodException(actionName));
        }
        withOwnContextLoader(() -> {
            operation.run();
            return null;
        });
        return null;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        AttributeList list = new AttributeList();
        for (String n : names) {
            Supplier<String> supplier = attributes.get(n);
            if (supplier != null) {
                list.add(new Attribute(n, withOwnContextLoader(supplier)));
            }
        }
        return list;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanAttributeInfo[] attributeInfos = attributes.keySet().stream()
                .map(n -> new MBeanAttributeInfo(n, String.class.getName(), n, true, false, false))
                .toArray(MBeanAttributeInfo[]::new);
        MBeanOperationInfo[] operationInfos = operations.keySet().stream()
                .map(n -> new MBeanOperationInfo(n, n, null, void.class.getName(), MBeanOperationInfo.ACTION))
                .toArray(MBeanOperationInfo[]::new);
        return new MBeanInfo(Control.class.getName(), "DVC test server controls", attributeInfos, null,
                operationInfos, null);
    }

    /**
     * Kafka and the database library load some classes and resources through the context class loader, which
     * in a Quarkus test is the test's own; they must see the loader that holds the server instead.
     */
    private <T> T withOwnContextLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private static ObjectName name(String type) {
        try {
            return new ObjectName("vn.edu.haiphong.dvc.testing:type=" + type);
        } catch (MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static IllegalStateException notRegistered(ObjectName name, Exception e) {
        return new IllegalStateException("no " + name.getKeyProperty("type") + " runs in this JVM; start it with"
                + " its test resource, e.g. @WithTestResource(KafkaTestResource.class)", e);
    }

    private static IllegalStateException failure(ObjectName name, String member, Exception e) {
        Throwable cause = e;
        while ((cause instanceof MBeanException || cause instanceof RuntimeMBeanException
                || cause instanceof ReflectionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return new IllegalStateException(name.getKeyProperty("type") + "." + member + " failed: " + cause, cause);
    }
}
