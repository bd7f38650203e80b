package vn.edu.haiphong.dvc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaTestResourceTest {

    @Test
    void startsOneBrokerPerJvmAndTheControlsWorkThroughSystemProperties() throws Exception {
        KafkaTestResource resource = new KafkaTestResource();
        Map<String, String> config = resource.start();
        String bootstrap = config.get("kafka.bootstrap.servers");
        assertThat(bootstrap).startsWith("localhost:");
        assertThat(Broker.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(new KafkaTestResource().start()).isEqualTo(config);
        assertThat(KafkaTestResource.broker().bootstrapServers()).isEqualTo(bootstrap);

        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic("resource-test", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("resource-test");
        }

        Broker.stop();
        assertThat(listening(bootstrap)).isFalse();
        Broker.restart();
        assertThat(listening(bootstrap)).isTrue();
        try (Admin admin = admin(bootstrap)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("resource-test");
        }

        resource.stop();
        assertThat(listening(bootstrap)).as("stop() leaves the shared broker running").isTrue();
    }

    @Test
    void aBrokerLeftStoppedIsRestartedByTheNextStart() {
        String bootstrap = new KafkaTestResource().start().get("kafka.bootstrap.servers");
        Broker.stop();
        assertThat(new KafkaTestResource().start().get("kafka.bootstrap.servers")).isEqualTo(bootstrap);
        assertThat(listening(bootstrap)).isTrue();
    }

    /** What Quarkus does: load the resource again in a class loader of its own. */
    @Test
    void anotherClassLoaderGetsTheSameBroker() throws Exception {
        String bootstrap = new KafkaTestResource().start().get("kafka.bootstrap.servers");
        try (URLClassLoader isolated = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> resourceClass = isolated.loadClass(KafkaTestResource.class.getName());
            assertThat(resourceClass).isNotSameAs(KafkaTestResource.class);
            Object resource = resourceClass.getDeclaredConstructor().newInstance();
            @SuppressWarnings("unchecked")
            Map<String, String> config = (Map<String, String>) resourceClass.getMethod("start").invoke(resource);
            assertThat(config.get("kafka.bootstrap.servers")).isEqualTo(bootstrap);

            Class<?> brokerClass = isolated.loadClass(Broker.class.getName());
            brokerClass.getMethod("stop").invoke(null);
            assertThat(listening(bootstrap)).isFalse();
            brokerClass.getMethod("restart").invoke(null);
            assertThat(listening(bootstrap)).isTrue();
        }
    }

    /** Even a copy of the holder outside the system class loader finds the running broker instead of starting one. */
    @Test
    void aHolderInAnotherClassLoaderReusesTheRegisteredBroker() throws Exception {
        String bootstrap = new KafkaTestResource().start().get("kafka.bootstrap.servers");
        try (URLClassLoader isolated = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> holder = isolated.loadClass(KafkaTestResource.class.getPackageName() + ".KafkaHolder");
            Method ensureRunning = holder.getDeclaredMethod("ensureRunning");
            ensureRunning.setAccessible(true);
            Broker.stop();
            assertThat(ensureRunning.invoke(null)).isEqualTo(bootstrap);
            assertThat(Broker.isRunning()).isTrue();
        }
    }

    /** Libraries such as Narayana copy every system property and fail on values that are not Strings. */
    @Test
    void onlyStringsAreLeftInTheSystemProperties() {
        new KafkaTestResource().start();
        PostgresTestResource postgres = new PostgresTestResource();
        postgres.init(Map.of("database", "props"));
        postgres.start();
        postgres.stop();
        System.getProperties().forEach((key, value) -> {
            assertThat(key).isInstanceOf(String.class);
            assertThat(value).as("system property %s", key).isInstanceOf(String.class);
        });
        assertThat(System.getProperty(KafkaTestResource.BOOTSTRAP_PROPERTY)).isEqualTo(Broker.bootstrapServers());
    }

    static URL[] classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
    }

    static boolean listening(String bootstrap) {
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"));
    }

    static Set<String> topics(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }
}
