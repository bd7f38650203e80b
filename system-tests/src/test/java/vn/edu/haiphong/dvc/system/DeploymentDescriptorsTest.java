package vn.edu.haiphong.dvc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The production descriptors — {@code docker-compose.yml}, the Kubernetes manifests under {@code deploy/} and
 * each service's {@code src/main/docker/Dockerfile.jvm} — parse, are complete, and configure each service only
 * through configuration properties it really has. Nothing is run: no container engine is needed.
 */
class DeploymentDescriptorsTest {

    private static final Path ROOT = repositoryRoot();

    private static final List<String> SERVICES = List.of("dossier-service", "payment-service", "indicator-service");
    /** Where the production build serves /q/* (quarkus.management.port's default). */
    private static final int MANAGEMENT_PORT = 9000;
    private static final List<String> APP_DEPENDENCIES = List.of("kafka", "postgres");

    /**
     * Properties that Quarkus or MicroProfile read although no service's application.properties names them.
     * Keep this list short: a key belongs here only if it is a standard key of the platform.
     */
    private static final Set<String> STANDARD_PROPERTIES = Set.of(
            "quarkus.http.host", // the address to listen on (the images set it with -D; a descriptor may too)
            "quarkus.profile", // the active configuration profile
            "quarkus.log.level", // the root log level
            "mp.jwt.verify.publickey", // the issuer's key inline, instead of mp.jwt.verify.publickey.location
            // Kafka client settings that every Kafka client of a service takes (KafkaConnection), with no default.
            "kafka.sasl.jaas.config", "kafka.ssl.truststore.location", "kafka.ssl.truststore.type", "kafka.ssl.truststore.password");

    /** What every service must be given in each descriptor, beyond which it has sensible defaults. */
    private static final List<String> REQUIRED_EVERYWHERE = List.of("QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER");
    private static final Map<String, List<String>> REQUIRED_PER_SERVICE = Map.of(
            "dossier-service", List.of("DVC_DOSSIER_APPLICANT_HASH_KEY"),
            "payment-service", List.of("DVC_PAYMENT_DOSSIER_SERVICE_TOKEN", "QUARKUS_REST_CLIENT_DOSSIER_SERVICE_URL"),
            "indicator-service", List.of());
    /** Secrets that docker-compose must take from a required variable ({@code ${NAME:?...}}), never a default. */
    private static final Map<String, String> COMPOSE_REQUIRED_SECRETS = Map.of(
            "dossier-service", "DVC_DOSSIER_APPLICANT_HASH_KEY",
            "payment-service", "DVC_PAYMENT_DOSSIER_SERVICE_TOKEN");

    private static final Pattern PROFILE_PREFIX = Pattern.compile("^%[^.]+\\.");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MAPPING_METHOD = Pattern.compile(
            "((?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*)[\\w.<>\\[\\]?, ]+?\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern POM_DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    // ---- the environment-variable normaliser ----

    /**
     * The environment variable SmallRye Config reads for a property: every character that is not a letter or a
     * digit becomes {@code _}, and the result is upper-cased.
     */
    static String toEnvName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    @Test
    void theNormaliserMapsPropertiesAsSmallRyeConfigDoes() {
        assertThat(toEnvName("dvc.dossier.applicant-hash-key")).isEqualTo("DVC_DOSSIER_APPLICANT_HASH_KEY");
        assertThat(toEnvName("quarkus.rest-client.dossier-service.url")).isEqualTo("QUARKUS_REST_CLIENT_DOSSIER_SERVICE_URL");
        assertThat(toEnvName("quarkus.log.category.\"org.apache.kafka\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL");

        assertThat(environmentNames("dossier-service"))
                .contains("DVC_DOSSIER_APPLICANT_HASH_KEY", "QUARKUS_DATASOURCE_USERNAME", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                .doesNotContain("DVC_DOSSIER_APPLICANT_HASHKEY", "DVC_APPLICANT_HASH_KEY", "DVC_PAYMENT_DOSSIER_SERVICE_TOKEN");
        // dvc.outbox.* comes from ingest-common's @ConfigMapping, which payment-service's properties file does not list.
        assertThat(environmentNames("payment-service")).contains("DVC_OUTBOX_REPLICATION_FACTOR", "DVC_PAYMENT_EVENT_PARTITIONS");
        assertThat(environmentNames("indicator-service")).doesNotContain("DVC_OUTBOX_REPLICATION_FACTOR");

        assertThat(unknownVariables("dossier-service", List.of("KAFKA_BOOTSTRAP_SERVERS", "DVC_DOSSIER_APPLICANT_HASHKEY")))
                .containsExactly("DVC_DOSSIER_APPLICANT_HASHKEY");
    }

    // ---- docker-compose.yml ----

    @Test
    void dockerComposeHasTheInfrastructureAndTheServicesWithHealthChecks() {
        Map<String, Object> services = map(composeFile().get("services"), "docker-compose.yml services");
        assertThat(services).containsKeys("kafka", "postgres", "dossier-service", "payment-service", "indicator-service");
        assertThat(string(map(services.get("kafka"), "kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(string(map(services.get("postgres"), "postgres").get("image"))).startsWith("postgres:");

        List<String> problems = new ArrayList<>();
        services.forEach((name, definition) -> {
            Map<String, Object> service = map(definition, name);
            Object healthcheck = service.get("healthcheck");
            if (healthcheck != null) {
                if (map(healthcheck, name + " healthcheck").get("test") == null) {
                    problems.add(name + ": healthcheck without a test");
                }
            } else if (!"no".equals(String.valueOf(service.get("restart"))) || !awaitedToComplete(services, name)) {
                // Only a one-shot job that the services wait for to finish may do without a health check.
                problems.add(name + ": no healthcheck");
            }
        });
        for (String name : SERVICES) {
            Map<String, Object> service = map(services.get(name), name);
            Map<String, Object> dependsOn = map(service.get("depends_on"), name + " depends_on");
            for (String dependency : APP_DEPENDENCIES) {
                Object condition = dependsOn.get(dependency) == null ? null
                        : map(dependsOn.get(dependency), name + " depends_on " + dependency).get("condition");
                if (!"service_healthy".equals(condition)) {
                    problems.add(name + ": does not wait for " + dependency + " to be healthy (condition " + condition + ")");
                }
            }
            String test = String.valueOf(map(service.get("healthcheck"), name).get("test"));
            if (!test.contains("localhost:" + MANAGEMENT_PORT + "/q/health/ready")) {
                problems.add(name + ": healthcheck does not ask /q/health/ready on the management port: " + test);
            }
            String port = String.valueOf(httpPort(name));
            List<?> ports = list(service.get("ports"), name + " ports");
            String published = "${DVC_BIND_ADDRESS:-127.0.0.1}:" + port + ":" + port;
            if (ports.stream().map(String::valueOf).noneMatch(published::equals)) {
                problems.add(name + ": port " + port + " not published on the loopback by default as " + published + " (" + ports + ")");
            }
            // r2: its own database role, never the superuser.
            Map<String, String> environment = environment(service.get("environment"), name);
            String role = name.substring(0, name.indexOf('-'));
            if (!role.equals(environment.get("QUARKUS_DATASOURCE_USERNAME"))) {
                problems.add(name + ": connects as " + environment.get("QUARKUS_DATASOURCE_USERNAME") + ", not its own role " + role);
            }
            // r2: and its own Kafka user, over SASL.
            if (!"SASL_PLAINTEXT".equals(environment.get("KAFKA_SECURITY_PROTOCOL"))
                    || !String.valueOf(environment.get("KAFKA_SASL_JAAS_CONFIG")).contains("username=\"" + name + "\"")) {
                problems.add(name + ": does not connect to Kafka over SASL as its own user " + name);
            }
        }
        assertThat(problems).as("docker-compose.yml").isEmpty();
    }

    @Test
    void dockerComposeBuildsEachServiceFromItsDockerfile() {
        Map<String, Object> services = map(composeFile().get("services"), "services");
        for (String name : SERVICES) {
            Map<String, Object> build = map(map(services.get(name), name).get("build"), name + " build");
            Path context = ROOT.resolve(string(build.get("context"))).normalize();
            Path dockerfile = context.resolve(string(build.get("dockerfile"))).normalize();
            assertThat(context).as(name + " build context").isEqualTo(ROOT.resolve(name));
            assertThat(dockerfile).as(name + " build dockerfile").isRegularFile()
                    .isEqualTo(ROOT.resolve(name).resolve("src/main/docker/Dockerfile.jvm"));
        }
    }

    @Test
    void dockerComposeConfiguresTheServicesOnlyThroughTheirConfigurationProperties() {
        Map<String, Object> services = map(composeFile().get("services"), "services");
        List<String> problems = new ArrayList<>();
        for (String name : SERVICES) {
            Map<String, String> environment = environment(map(services.get(name), name).get("environment"), name);
            unknownVariables(name, environment.keySet())
                    .forEach(v -> problems.add(name + ": " + v + " is no configuration property of the service"));
            required(name).stream().filter(v -> !environment.containsKey(v))
                    .forEach(v -> problems.add(name + ": " + v + " is not set"));
            String secret = COMPOSE_REQUIRED_SECRETS.get(name);
            if (secret != null && !Objects.requireNonNullElse(environment.get(secret), "").matches("\\$\\{\\w+:\\?.*}")) {
                problems.add(name + ": " + secret + " must come from a required variable ${NAME:?...}, is "
                        + environment.get(secret));
            }
        }
        assertThat(problems).as("docker-compose.yml environment").isEmpty();
    }

    // ---- deploy/ ----

    @Test
    void everyYamlFileUnderDeployParses() {
        Map<Path, List<Object>> files = deployDocuments();
        assertThat(files).as("YAML files under deploy/").isNotEmpty();
        assertThat(files.keySet()).contains(ROOT.resolve("deploy/base/kustomization.yaml"));
        assertThat(files.values()).allSatisfy(documents -> assertThat(documents).isNotEmpty());
    }

    @Test
    void everyKustomizationNamesExistingFilesAndTheBaseListsAllItsManifests() {
        List<String> problems = new ArrayList<>();
        Set<Path> kustomizations = deployDocuments().keySet().stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml")).collect(Collectors.toSet());
        assertThat(kustomizations).contains(ROOT.resolve("deploy/base/kustomization.yaml"),
                ROOT.resolve("deploy/overlays/haiphong/kustomization.yaml"));
        for (Path kustomization : kustomizations) {
            Map<String, Object> k = map(deployDocuments().get(kustomization).get(0), kustomization.toString());
            Path dir = kustomization.getParent();
            for (Object entry : list(k.getOrDefault("resources", List.of()), "resources")) {
                Path resource = dir.resolve(string(entry)).normalize();
                if (!Files.isRegularFile(resource) && !Files.isRegularFile(resource.resolve("kustomization.yaml"))) {
                    problems.add(ROOT.relativize(kustomization) + ": resource " + entry + " does not exist");
                }
            }
            for (Object patch : list(k.getOrDefault("patches", List.of()), "patches")) {
                Object path = map(patch, "patch").get("path");
                if (path != null && !Files.isRegularFile(dir.resolve(string(path)))) {
                    problems.add(ROOT.relativize(kustomization) + ": patch " + path + " does not exist");
                }
            }
        }
        assertThat(problems).as("kustomizations").isEmpty();

        // The checks below read deploy/base's files: each of them must really be deployed.
        Path base = ROOT.resolve("deploy/base");
        Set<Path> listed = list(map(deployDocuments().get(base.resolve("kustomization.yaml")).get(0), "base").get("resources"),
                "base resources").stream().map(r -> base.resolve(string(r)).normalize()).collect(Collectors.toSet());
        Set<Path> manifests = deployDocuments().keySet().stream()
                .filter(p -> p.startsWith(base) && !p.getFileName().toString().equals("kustomization.yaml"))
                .collect(Collectors.toSet());
        assertThat(listed).as("deploy/base/kustomization.yaml resources").containsAll(manifests);
    }

    @Test
    void theOverlaySetsImagesTheBaseUses() {
        Set<String> baseImages = baseResources().stream().filter(r -> "Deployment".equals(r.get("kind")))
                .flatMap(d -> containers(d).stream()).map(c -> string(c.get("image"))).collect(Collectors.toSet());
        Map<String, Object> overlay = map(deployDocuments().get(ROOT.resolve("deploy/overlays/haiphong/kustomization.yaml")).get(0),
                "overlay");
        List<String> names = list(overlay.get("images"), "overlay images").stream().map(i -> string(map(i, "image").get("name")))
                .toList();
        assertThat(names).as("overlay images: names of images in deploy/base").containsExactlyInAnyOrderElementsOf(baseImages);
    }

    /**
     * r2 (issue 20): the alerts webhook is signed with a secret the service will not start without once its URL is set:
     * wherever a URL is configured, the secret is supplied from a Secret (or the compose .env), never from a ConfigMap.
     */
    @Test
    void theAlertsWebhookHasItsSecretWhereverItsUrlIsSet() throws IOException {
        Map<String, Map<String, Object>> byKindAndName = new TreeMap<>();
        deployDocuments().forEach((file, documents) -> documents.stream().map(d -> map(d, file.toString()))
                .filter(r -> r.get("kind") != null && r.get("metadata") != null)
                .forEach(r -> byKindAndName.merge(r.get("kind") + "/" + name(r), r, (base, overlay) -> {
                    Map<String, Object> merged = new LinkedHashMap<>(base);
                    Map<String, Object> data = new LinkedHashMap<>(map(base.getOrDefault("data", Map.of()), "data"));
                    data.putAll(map(overlay.getOrDefault("data", Map.of()), "data"));
                    merged.put("data", data);
                    return merged;
                })));
        Map<String, Object> config = map(map(byKindAndName.get("ConfigMap/indicator-service-config"), "config").get("data"), "data");
        assertThat(config).as("indicator-service's ConfigMap (base and overlay)").containsKey("DVC_ALERTS_WEBHOOK_URL");
        assertThat(String.valueOf(config.get("DVC_ALERTS_WEBHOOK_URL"))).as("the overlay's webhook URL").startsWith("https://");
        Map<String, Object> secret = map(map(byKindAndName.get("Secret/indicator-service-secrets"), "secret").get("stringData"), "stringData");
        assertThat(secret).as("indicator-service's base Secret").containsKey("DVC_ALERTS_WEBHOOK_SECRET");
        assertThat(Files.readAllLines(ROOT.resolve("deploy/overlays/haiphong/secrets/indicator-service.env.example")))
                .as("the overlay's secret file, filled in from its example").anyMatch(l -> l.startsWith("DVC_ALERTS_WEBHOOK_SECRET="));
        Map<String, String> compose = environment(map(map(composeFile().get("services"), "services").get("indicator-service"),
                "indicator-service").get("environment"), "indicator-service");
        assertThat(compose).containsEntry("DVC_ALERTS_WEBHOOK_URL", "${DVC_ALERTS_WEBHOOK_URL:-}")
                .containsEntry("DVC_ALERTS_WEBHOOK_SECRET", "${DVC_ALERTS_WEBHOOK_SECRET:-}");
        assertThat(Files.readString(ROOT.resolve("deploy/compose/env.example"))).contains("DVC_ALERTS_WEBHOOK_SECRET=");
    }

    @Test
    void eachServiceHasOneDeploymentServiceConfigMapAndSecretWiredTogether() {
        List<Map<String, Object>> resources = baseResources();
        for (String service : SERVICES) {
            Map<String, List<Map<String, Object>>> byKind = resources.stream()
                    .filter(r -> service.equals(labels(r).get("app.kubernetes.io/name")))
                    .collect(Collectors.groupingBy(r -> string(r.get("kind"))));
            for (String kind : List.of("Deployment", "Service", "ConfigMap", "Secret")) {
                assertThat(byKind.getOrDefault(kind, List.of())).as(service + ": " + kind + "s in deploy/base").hasSize(1);
            }
            Map<String, Object> deployment = byKind.get("Deployment").get(0);
            Map<String, Object> container = containers(deployment).get(0);
            Set<String> envFrom = list(container.get("envFrom"), service + " envFrom").stream().map(e -> map(e, "envFrom"))
                    .map(e -> e.containsKey("configMapRef") ? "ConfigMap/" + string(map(e.get("configMapRef"), "ref").get("name"))
                            : "Secret/" + string(map(e.get("secretRef"), "ref").get("name")))
                    .collect(Collectors.toSet());
            assertThat(envFrom).as(service + " envFrom").containsExactlyInAnyOrder(
                    "ConfigMap/" + name(byKind.get("ConfigMap").get(0)), "Secret/" + name(byKind.get("Secret").get(0)));
            assertThat(list(container.get("ports"), "ports")).as(service + " container ports")
                    .anySatisfy(p -> assertThat(map(p, "port").get("containerPort")).isEqualTo(httpPort(service)));
            Map<String, Object> serviceSpec = map(byKind.get("Service").get(0).get("spec"), service + " Service");
            assertThat(map(serviceSpec.get("selector"), "selector")).containsEntry("app.kubernetes.io/name", service);
            assertThat(list(serviceSpec.get("ports"), "ports"))
                    .anySatisfy(p -> assertThat(map(p, "port").get("port")).isEqualTo(httpPort(service)));
        }
    }

    @Test
    void everyContainerHasHealthProbesAndResourceRequests() {
        List<Map<String, Object>> deployments = baseResources().stream().filter(r -> "Deployment".equals(r.get("kind"))).toList();
        assertThat(deployments).hasSize(SERVICES.size());
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : deployments) {
            for (Map<String, Object> container : containers(deployment)) {
                String where = name(deployment) + "/" + container.get("name");
                for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                    Object path = container.get(probe) == null ? null
                            : map(map(container.get(probe), probe).get("httpGet"), probe + " httpGet").get("path");
                    boolean optional = probe.equals("startupProbe") && container.get(probe) == null;
                    if (!optional && (path == null || !string(path).startsWith("/q/health/"))) {
                        problems.add(where + ": " + probe + " does not ask /q/health/...: " + path);
                    }
                    // The production build serves /q/* on the management port only (pom.xml, profile production).
                    Object port = container.get(probe) == null ? null
                            : map(map(container.get(probe), probe).get("httpGet"), probe + " httpGet").get("port");
                    if (!optional && !"management".equals(port)) {
                        problems.add(where + ": " + probe + " asks port " + port + ", not the management port");
                    }
                }
                boolean management = list(container.getOrDefault("ports", List.of()), "ports").stream().map(p -> map(p, "port"))
                        .anyMatch(p -> "management".equals(p.get("name")) && Integer.valueOf(MANAGEMENT_PORT).equals(p.get("containerPort")));
                if (!management) {
                    problems.add(where + ": no container port \"management\" " + MANAGEMENT_PORT);
                }
                Map<String, Object> resources = map(container.get("resources"), where + " resources");
                Map<String, Object> requests = map(resources.getOrDefault("requests", Map.of()), "requests");
                Map<String, Object> limits = map(resources.getOrDefault("limits", Map.of()), "limits");
                if (!requests.containsKey("cpu") || !requests.containsKey("memory")) {
                    problems.add(where + ": resource requests for cpu and memory missing: " + requests);
                }
                if (!limits.containsKey("memory")) {
                    problems.add(where + ": no memory limit (the JVM sizes its heap from it)");
                }
            }
        }
        assertThat(problems).as("deploy/base Deployments").isEmpty();
    }

    @Test
    void replicasSuitEachService() {
        Map<String, Integer> replicas = baseResources().stream().filter(r -> "Deployment".equals(r.get("kind")))
                .collect(Collectors.toMap(DeploymentDescriptorsTest::name,
                        d -> (Integer) map(d.get("spec"), "spec").getOrDefault("replicas", 1)));
        assertThat(replicas.get("indicator-service")).as("indicator-service replicas").isGreaterThan(1);
        assertThat(replicas.get("dossier-service")).as("dossier-service replicas").isGreaterThanOrEqualTo(1);
        assertThat(replicas.get("payment-service")).as("payment-service replicas").isGreaterThanOrEqualTo(1);
    }

    @Test
    void kafkaIsAStrimziClusterTheIngestServicesCanWriteTo() {
        List<Map<String, Object>> kafkas = baseResources().stream().filter(r -> "Kafka".equals(r.get("kind"))).toList();
        assertThat(kafkas).as("Kafka resources in deploy/base").hasSize(1);
        Map<String, Object> kafka = kafkas.get(0);
        assertThat(string(kafka.get("apiVersion"))).startsWith("kafka.strimzi.io/");
        Map<String, Object> config = map(map(map(kafka.get("spec"), "spec").get("kafka"), "spec.kafka").get("config"), "config");
        int minInsync = Integer.parseInt(String.valueOf(config.get("min.insync.replicas")));

        // The outbox relay sends with acks=all to topics it creates with DVC_OUTBOX_REPLICATION_FACTOR replicas
        // (default 1): fewer replicas than min.insync.replicas would make every send fail.
        for (String service : List.of("dossier-service", "payment-service")) {
            Map<String, Object> configMap = baseResources().stream()
                    .filter(r -> "ConfigMap".equals(r.get("kind")) && service.equals(labels(r).get("app.kubernetes.io/name")))
                    .findFirst().orElseThrow();
            Object factor = map(configMap.get("data"), "data").get("DVC_OUTBOX_REPLICATION_FACTOR");
            assertThat(factor).as(service + " DVC_OUTBOX_REPLICATION_FACTOR").isNotNull();
            assertThat(Integer.parseInt(string(factor))).as(service + " DVC_OUTBOX_REPLICATION_FACTOR")
                    .isGreaterThanOrEqualTo(minInsync);
        }
    }

    @Test
    void configMapsAndSecretsSetOnlyConfigurationPropertiesOfTheirService() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> baseKeys = new TreeMap<>();
        deployDocuments().forEach((file, documents) -> documents.stream()
                .filter(d -> d instanceof Map<?, ?> m && ("ConfigMap".equals(m.get("kind")) || "Secret".equals(m.get("kind"))))
                .map(d -> map(d, file.toString())).forEach(resource -> {
                    String where = ROOT.relativize(file) + " " + resource.get("kind") + "/" + name(resource);
                    String service = SERVICES.stream().filter(s -> name(resource).startsWith(s + "-")).findFirst().orElse(null);
                    if (service == null) {
                        problems.add(where + ": belongs to no service (its name must start with the service's)");
                        return;
                    }
                    Set<String> keys = new TreeSet<>();
                    for (String field : List.of("data", "stringData")) {
                        keys.addAll(map(resource.getOrDefault(field, Map.of()), field).keySet());
                    }
                    unknownVariables(service, keys).forEach(k -> problems.add(where + ": " + k + " is no configuration property of " + service));
                    if (file.startsWith(ROOT.resolve("deploy/base"))) {
                        baseKeys.computeIfAbsent(service, s -> new TreeSet<>()).addAll(keys);
                    }
                }));
        for (String service : SERVICES) {
            Set<String> keys = baseKeys.getOrDefault(service, Set.of());
            required(service).stream().filter(k -> !keys.contains(k))
                    .forEach(k -> problems.add("deploy/base " + service + ": " + k + " is set by no ConfigMap or Secret"));
        }
        // The overlay's secret files are filled in from these examples: their keys too.
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/overlays"))) {
            for (Path example : files.filter(p -> p.getFileName().toString().endsWith(".env.example")).toList()) {
                String service = example.getFileName().toString().replace(".env.example", "");
                assertThat(SERVICES).as(example + " names a service").contains(service);
                List<String> keys = Files.readAllLines(example).stream().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('='))).toList();
                unknownVariables(service, keys)
                        .forEach(k -> problems.add(ROOT.relativize(example) + ": " + k + " is no configuration property of " + service));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problems).as("ConfigMaps and Secrets under deploy/").isEmpty();
    }

    // ---- monitoring: the PodMonitors and the alerts ----

    /**
     * The services' metrics the alerts must read, by the name Prometheus gives them, each with the Micrometer name
     * the services register it under (a counter gains {@code _total}, a meter in seconds {@code _seconds}).
     */
    private static final Map<String, String> ALERT_METRICS = Map.of(
            "dvc_indicator_consumer_up", "dvc.indicator.consumer.up",
            "dvc_indicator_consumer_stalled_seconds", "dvc.indicator.consumer.stalled",
            "dvc_indicator_consumer_lag", "dvc.indicator.consumer.lag",
            "dvc_outbox_oldest_unrelayed_age_seconds", "dvc.outbox.oldest.unrelayed.age",
            "dvc_outbox_pending", "dvc.outbox.pending",
            "dvc_indicator_events_dead_lettered_total", "dvc.indicator.events.dead.lettered",
            "dvc_payment_reference_dead_lettered_total", "dvc.payment.reference.dead.lettered");
    /** What else an alert may read: Prometheus' own scrape result and kube-state-metrics' pod and Deployment state. */
    private static final Set<String> PLATFORM_METRICS = Set.of("up", "kube_pod_status_ready",
            "kube_deployment_status_replicas_available");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[A-Za-z_:][\\w:]*");

    @Test
    void thePrometheusRuleIsDeployedAndEveryAlertSaysWhatHappenedAndWhatToDo() {
        Path base = ROOT.resolve("deploy/base");
        Map<Path, Map<String, Object>> rules = new TreeMap<>();
        deployDocuments().forEach((file, documents) -> documents.stream()
                .filter(d -> d instanceof Map<?, ?> m && "PrometheusRule".equals(m.get("kind")))
                .forEach(d -> rules.put(file, map(d, file.toString()))));
        assertThat(rules).as("PrometheusRules under deploy/").hasSize(1);
        Path file = rules.keySet().iterator().next();
        Map<String, Object> rule = rules.get(file);
        assertThat(string(rule.get("apiVersion"))).isEqualTo("monitoring.coreos.com/v1");
        Set<Path> listed = list(map(deployDocuments().get(base.resolve("kustomization.yaml")).get(0), "base").get("resources"),
                "base resources").stream().map(r -> base.resolve(string(r)).normalize()).collect(Collectors.toSet());
        assertThat(listed).as("deploy/base/kustomization.yaml resources").contains(file);

        List<String> problems = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        for (Object g : list(map(rule.get("spec"), "spec").get("groups"), "groups")) {
            Map<String, Object> group = map(g, "group");
            for (Object r : list(group.get("rules"), "rules of group " + group.get("name"))) {
                Map<String, Object> alert = map(r, "rule");
                String name = String.valueOf(alert.get("alert"));
                if (alert.get("alert") == null || !names.add(name)) {
                    problems.add("a rule that is no alert, or an alert name twice: " + alert);
                    continue;
                }
                Map<String, Object> labels = map(alert.getOrDefault("labels", Map.of()), name + " labels");
                if (!List.of("critical", "warning").contains(String.valueOf(labels.get("severity")))) {
                    problems.add(name + ": severity is neither critical nor warning: " + labels.get("severity"));
                }
                Map<String, Object> annotations = map(alert.getOrDefault("annotations", Map.of()), name + " annotations");
                for (String annotation : List.of("summary", "description")) {
                    if (String.valueOf(annotations.getOrDefault(annotation, "")).isBlank()) {
                        problems.add(name + ": no " + annotation);
                    }
                }
                Set<String> metrics = metricsRead(String.valueOf(alert.getOrDefault("expr", "")));
                read.addAll(metrics);
                if (metrics.isEmpty()) {
                    problems.add(name + ": its expression reads none of the services' or the platform's metrics: " + alert.get("expr"));
                }
                metrics.stream().filter(m -> !ALERT_METRICS.containsKey(m) && !PLATFORM_METRICS.contains(m))
                        .forEach(m -> problems.add(name + ": reads " + m + ", which no service exports and the platform does not"));
            }
        }
        ALERT_METRICS.keySet().stream().filter(m -> !read.contains(m))
                .forEach(m -> problems.add("no alert reads " + m));
        assertThat(problems).as(ROOT.relativize(file) + " alerts").isEmpty();
    }

    /** The metric names an expression reads (labels, functions and keywords aside). */
    static Set<String> metricsRead(String expr) {
        // Label matchers aside: up{job="x"} reads up.
        String code = QUOTED.matcher(expr).replaceAll("\"\"").replaceAll("\\{[^}]*}", "{}");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            String token = identifier.group();
            String after = code.substring(identifier.end()).stripLeading();
            // A function or an aggregation: sum(...), max by (pod) (...).
            boolean function = after.startsWith("(") || after.matches("(?s)(by|without)\\s*\\(.*");
            boolean grouping = code.substring(0, identifier.start()).matches("(?s).*\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*");
            if (!function && !grouping && !Set.of("and", "or", "unless", "by", "without", "offset", "bool").contains(token)) {
                metrics.add(token);
            }
        }
        return metrics;
    }

    @Test
    void theMetricReaderFindsTheMetricsOfAnExpression() {
        assertThat(metricsRead("max by (namespace, pod) (dvc_indicator_consumer_up) == 0")).containsExactly("dvc_indicator_consumer_up");
        assertThat(metricsRead("sum by (namespace) (x_lag) > 1000 and sum by (namespace) (delta(x_lag[15m])) > 0"))
                .containsExactly("x_lag");
        assertThat(metricsRead("up{job=~\"dossier-service|up\"} == 0")).containsExactly("up");
        assertThat(metricsRead("dvc_outbox_pending == 0 or on (pod) x_up")).containsExactly("dvc_outbox_pending", "x_up");
        assertThat(metricsRead("max(kube_pod_status_ready{condition=\"false\", pod=~\"a-.+\"}) == 1"))
                .containsExactly("kube_pod_status_ready");
    }

    /**
     * Every metric the alerts read is one a service registers (Micrometer), under that name once Prometheus has
     * named it. Fails while a metric is only in the alerts, or after a service renamed it or changed its unit.
     */
    @Test
    void everyMetricTheAlertsReadIsOneTheServicesRegister() {
        StringBuilder code = new StringBuilder();
        Set<String> modules = new TreeSet<>();
        SERVICES.forEach(s -> modules.addAll(modulesOf(s)));
        for (String module : modules) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> code.append(read(p)).append('\n'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> problems = new ArrayList<>();
        ALERT_METRICS.forEach((prometheus, micrometer) -> {
            Matcher registration = Pattern.compile("\\b(Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\\s*\""
                    + Pattern.quote(micrometer) + "\"|\\.(gauge|counter)\\(\\s*\"" + Pattern.quote(micrometer) + "\"").matcher(code);
            if (!registration.find()) {
                problems.add(micrometer + " (" + prometheus + "): registered by none of " + modules);
                return;
            }
            int end = code.indexOf(";", registration.end());
            String statement = code.substring(registration.start(), end < 0 ? code.length() : end);
            boolean counter = "Counter".equals(registration.group(1)) || "counter".equals(registration.group(2));
            boolean seconds = statement.contains("baseUnit(\"seconds\")") || statement.contains("BaseUnits.SECONDS");
            String exported = micrometer.replace('.', '_') + (seconds ? "_seconds" : "") + (counter ? "_total" : "");
            if (!exported.equals(prometheus)) {
                problems.add(micrometer + ": Prometheus names it " + exported + ", the alerts read " + prometheus);
            }
        });
        assertThat(problems).as("metrics the alerts read").isEmpty();
    }

    @Test
    void everyPodIsLockedDownAndHasADisruptionBudget() {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, Object> deployment = baseResources().stream()
                    .filter(r -> "Deployment".equals(r.get("kind")) && service.equals(name(r))).findFirst().orElseThrow();
            Map<String, Object> pod = map(map(map(deployment.get("spec"), "spec").get("template"), "template").get("spec"), "pod spec");
            if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
                problems.add(service + ": automountServiceAccountToken is not false");
            }
            Set<Object> emptyDirs = list(pod.getOrDefault("volumes", List.of()), "volumes").stream().map(v -> map(v, "volume"))
                    .filter(v -> v.containsKey("emptyDir")).map(v -> v.get("name")).collect(Collectors.toSet());
            for (Map<String, Object> container : containers(deployment)) {
                Map<String, Object> security = map(container.getOrDefault("securityContext", Map.of()), "securityContext");
                if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                    problems.add(service + ": the root filesystem is not read-only");
                }
                boolean tmp = list(container.getOrDefault("volumeMounts", List.of()), "volumeMounts").stream().map(m -> map(m, "mount"))
                        .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && emptyDirs.contains(m.get("name")));
                if (!tmp) {
                    problems.add(service + ": no emptyDir mounted at /tmp (Quarkus writes there)");
                }
            }
            Map<String, Object> podLabels = labels(map(map(deployment.get("spec"), "spec").get("template"), "template"));
            boolean budget = baseResources().stream().filter(r -> "PodDisruptionBudget".equals(r.get("kind")))
                    .map(r -> map(map(map(r.get("spec"), "spec").get("selector"), "selector").get("matchLabels"), "matchLabels"))
                    .anyMatch(selector -> !selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet()));
            if (!budget) {
                problems.add(service + ": no PodDisruptionBudget selects its pods");
            }
        }
        assertThat(problems).as("deploy/base pods").isEmpty();
    }

    @Test
    void kafkaAuthenticatesAndAuthorizesEveryClientAndEachServiceIsItsOwnUser() {
        Map<String, Object> kafka = map(baseResources().stream().filter(r -> "Kafka".equals(r.get("kind"))).findFirst().orElseThrow()
                .get("spec"), "Kafka spec");
        Map<String, Object> broker = map(kafka.get("kafka"), "spec.kafka");
        assertThat(map(broker.get("authorization"), "authorization").get("type")).as("Kafka authorization").isEqualTo("simple");
        List<String> problems = new ArrayList<>();
        Set<Object> ports = new TreeSet<>();
        for (Object l : list(broker.get("listeners"), "listeners")) {
            Map<String, Object> listener = map(l, "listener");
            ports.add(String.valueOf(listener.get("port")));
            Object authentication = listener.get("authentication") == null ? null : map(listener.get("authentication"), "authentication").get("type");
            if (!"scram-sha-512".equals(authentication) && !"tls".equals(authentication)) {
                problems.add("listener " + listener.get("name") + " authenticates no one (" + authentication + ")");
            }
            if (!Boolean.TRUE.equals(listener.get("tls"))) {
                problems.add("listener " + listener.get("name") + " is not TLS");
            }
        }
        for (String service : SERVICES) {
            Map<String, Object> user = baseResources().stream().filter(r -> "KafkaUser".equals(r.get("kind")) && service.equals(name(r)))
                    .findFirst().orElse(null);
            if (user == null) {
                problems.add(service + ": no KafkaUser");
                continue;
            }
            Map<String, Object> spec = map(user.get("spec"), "KafkaUser spec");
            if (!"scram-sha-512".equals(map(spec.get("authentication"), "authentication").get("type"))
                    || list(map(spec.get("authorization"), "authorization").get("acls"), "acls").isEmpty()) {
                problems.add(service + ": its KafkaUser has no SCRAM password or no ACLs");
            }
            Map<String, Object> deployment = baseResources().stream()
                    .filter(r -> "Deployment".equals(r.get("kind")) && service.equals(name(r))).findFirst().orElseThrow();
            boolean credentials = containers(deployment).stream().flatMap(c -> list(c.getOrDefault("env", List.of()), "env").stream())
                    .map(e -> map(e, "env")).filter(e -> "KAFKA_SASL_JAAS_CONFIG".equals(e.get("name")))
                    .map(e -> map(map(map(e.get("valueFrom"), "valueFrom").get("secretKeyRef"), "secretKeyRef"), "ref"))
                    .anyMatch(ref -> service.equals(ref.get("name")) && "sasl.jaas.config".equals(ref.get("key")));
            if (!credentials) {
                problems.add(service + ": KAFKA_SASL_JAAS_CONFIG is not read from its KafkaUser's Secret");
            }
            Map<String, Object> config = map(baseResources().stream()
                    .filter(r -> "ConfigMap".equals(r.get("kind")) && (service + "-config").equals(name(r))).findFirst().orElseThrow()
                    .get("data"), "data");
            if (!"SASL_SSL".equals(config.get("KAFKA_SECURITY_PROTOCOL")) || !"SCRAM-SHA-512".equals(config.get("KAFKA_SASL_MECHANISM"))) {
                problems.add(service + ": its ConfigMap does not set SASL_SSL with SCRAM-SHA-512");
            }
            String bootstrap = String.valueOf(config.get("KAFKA_BOOTSTRAP_SERVERS"));
            if (!ports.contains(bootstrap.substring(bootstrap.lastIndexOf(':') + 1))) {
                problems.add(service + ": " + bootstrap + " is no listener's port " + ports);
            }
        }
        assertThat(problems).as("Kafka in deploy/base").isEmpty();
    }

    @Test
    void networkPoliciesRefuseEveryConnectionTheyDoNotAllow() {
        List<Map<String, Object>> policies = baseResources().stream().filter(r -> "NetworkPolicy".equals(r.get("kind"))).toList();
        assertThat(policies).as("a default deny: every pod, ingress, no rule").anySatisfy(p -> {
            Map<String, Object> spec = map(p.get("spec"), "spec");
            assertThat(map(spec.get("podSelector"), "podSelector")).isEmpty();
            assertThat(list(spec.get("policyTypes"), "policyTypes").stream().map(String::valueOf).toList()).contains("Ingress");
            assertThat(spec.get("ingress")).isNull();
        });
        for (String service : SERVICES) {
            assertThat(policies).as(service + "'s policy").anySatisfy(p -> assertThat(map(map(map(p.get("spec"), "spec")
                    .get("podSelector"), "podSelector").get("matchLabels"), "matchLabels")).containsEntry("app.kubernetes.io/name", service));
        }
    }

    @Test
    void theOverlayChecksTheDatabaseServersCertificate() {
        List<String> urls = new ArrayList<>();
        deployDocuments().forEach((file, documents) -> {
            if (file.startsWith(ROOT.resolve("deploy/overlays"))) {
                documents.stream().filter(d -> d instanceof Map<?, ?> m && "ConfigMap".equals(m.get("kind")))
                        .map(d -> map(map(d, "ConfigMap").getOrDefault("data", Map.of()), "data").get("QUARKUS_DATASOURCE_JDBC_URL"))
                        .filter(Objects::nonNull).forEach(u -> urls.add(String.valueOf(u)));
            }
        });
        assertThat(urls).hasSize(SERVICES.size()).allSatisfy(u -> assertThat(u).contains("sslmode=verify-full"));
    }

    @Test
    void everyServiceIsScrapedByAPodMonitorAtQMetrics() {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            List<Map<String, Object>> monitors = baseResources().stream()
                    .filter(r -> "PodMonitor".equals(r.get("kind")) && service.equals(labels(r).get("app.kubernetes.io/name"))).toList();
            if (monitors.size() != 1) {
                problems.add(service + ": " + monitors.size() + " PodMonitors in deploy/base, not 1");
                continue;
            }
            Map<String, Object> spec = map(monitors.get(0).get("spec"), service + " PodMonitor spec");
            Map<String, Object> deployment = baseResources().stream()
                    .filter(r -> "Deployment".equals(r.get("kind")) && service.equals(name(r))).findFirst().orElseThrow();
            Map<String, Object> template = map(map(deployment.get("spec"), "spec").get("template"), "template");
            Map<String, Object> podLabels = labels(template);
            Map<String, Object> selector = map(map(spec.get("selector"), "selector").get("matchLabels"), "matchLabels");
            if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
                problems.add(service + ": the PodMonitor selects " + selector + ", the pods are labelled " + podLabels);
            }
            // The alerts tell the services apart by job: the service's name.
            if (!service.equals(podLabels.get(String.valueOf(spec.get("jobLabel"))))) {
                problems.add(service + ": jobLabel " + spec.get("jobLabel") + " does not give job=\"" + service + "\"");
            }
            Set<Object> ports = containers(deployment).stream()
                    .flatMap(c -> list(c.getOrDefault("ports", List.of()), "ports").stream())
                    .map(p -> map(p, "port").get("name")).collect(Collectors.toSet());
            boolean scraped = list(spec.get("podMetricsEndpoints"), "podMetricsEndpoints").stream().map(e -> map(e, "endpoint"))
                    .anyMatch(e -> "management".equals(e.get("port")) && ports.contains(e.get("port")) && "/q/metrics".equals(e.get("path")));
            if (!scraped) {
                problems.add(service + ": no podMetricsEndpoint on a container port's name " + ports + " at /q/metrics");
            }
        }
        assertThat(problems).as("PodMonitors").isEmpty();
    }

    // ---- Dockerfiles ----

    @Test
    void eachServiceHasAJvmDockerfileThatRunsTheFastJar() throws IOException {
        for (String service : SERVICES) {
            Path dockerfile = ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
            assertThat(dockerfile).as(service + " Dockerfile.jvm").isRegularFile();
            String text = Files.readString(dockerfile);
            assertThat(text).as(ROOT.relativize(dockerfile).toString())
                    .containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime(:\\S+)?$")
                    .contains("quarkus-run.jar")
                    .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                    .contains("COPY --chown=185 target/quarkus-app/*.jar /deployments/")
                    .contains("COPY --chown=185 target/quarkus-app/app/ /deployments/app/")
                    .contains("COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/")
                    .containsPattern("(?m)^USER 185$")
                    .containsPattern("(?m)^EXPOSE " + httpPort(service) + " " + MANAGEMENT_PORT + "$")
                    .contains("-Pproduction")
                    .contains("-Dquarkus.http.host=0.0.0.0");
        }
    }

    // ---- configuration properties of a service ----

    /** Environment variables outside the service's configuration properties, in their given order. */
    static List<String> unknownVariables(String service, java.util.Collection<String> variables) {
        Set<String> known = environmentNames(service);
        return variables.stream().filter(v -> !known.contains(v)).toList();
    }

    static Set<String> environmentNames(String service) {
        return configurationProperties(service).stream().map(DeploymentDescriptorsTest::toEnvName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The properties a service reads: the keys of its application.properties (without a {@code %profile.}
     * prefix), the properties of the {@code @ConfigMapping} interfaces of its module and of the modules of this
     * repository it depends on, and the few standard keys above.
     */
    static Set<String> configurationProperties(String service) {
        Set<String> names = new TreeSet<>(STANDARD_PROPERTIES);
        applicationProperties(service).stringPropertyNames()
                .forEach(key -> names.add(PROFILE_PREFIX.matcher(key).replaceFirst("")));
        for (String module : modulesOf(service)) {
            names.addAll(configMappingProperties(ROOT.resolve(module).resolve("src/main/java")));
        }
        return names;
    }

    /** The module and, transitively, the modules of this repository it needs at run time. */
    static Set<String> modulesOf(String module) {
        Set<String> modules = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of(module));
        while (!pending.isEmpty()) {
            String next = pending.remove(0);
            if (!modules.add(next)) {
                continue;
            }
            Matcher dependency = POM_DEPENDENCY.matcher(read(ROOT.resolve(next).resolve("pom.xml")));
            while (dependency.find()) {
                String d = dependency.group(1);
                String artifact = tag(d, "artifactId");
                String group = tag(d, "groupId");
                boolean ours = "${project.groupId}".equals(group) || "vn.edu.haiphong.dvc".equals(group);
                if (ours && !"test".equals(tag(d, "scope")) && Files.isRegularFile(ROOT.resolve(artifact).resolve("pom.xml"))) {
                    pending.add(artifact);
                }
            }
        }
        return modules;
    }

    /** {@code prefix.kebab-case-method} for each method of each {@code @ConfigMapping} interface under a source tree. */
    static Set<String> configMappingProperties(Path sources) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = read(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher mapping = CONFIG_MAPPING.matcher(code);
                if (!mapping.find()) {
                    continue;
                }
                String prefix = mapping.group(1);
                String body = code.substring(code.indexOf('{', mapping.end()) + 1);
                Matcher method = MAPPING_METHOD.matcher(body);
                while (method.find()) {
                    Matcher withName = WITH_NAME.matcher(method.group(1));
                    String name = withName.find() ? withName.group(1)
                            : method.group(2).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                    names.add(prefix + "." + name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static int httpPort(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port").strip());
    }

    static List<String> required(String service) {
        List<String> required = new ArrayList<>(REQUIRED_EVERYWHERE);
        required.addAll(REQUIRED_PER_SERVICE.get(service));
        return required;
    }

    // ---- files ----

    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).as("the repository root's pom.xml").isRegularFile();
        assertThat(root.resolve("run-local.sh")).as("the repository root's run-local.sh").isRegularFile();
        return root;
    }

    private static Map<String, Object> composeFile() {
        List<Object> documents = parseYaml(ROOT.resolve("docker-compose.yml"));
        assertThat(documents).as("docker-compose.yml documents").hasSize(1);
        return map(documents.get(0), "docker-compose.yml");
    }

    private static Map<Path, List<Object>> deployDocuments;

    /** Every YAML file under deploy/, each with its documents (a multi-document file has several). */
    private static synchronized Map<Path, List<Object>> deployDocuments() {
        if (deployDocuments == null) {
            Map<Path, List<Object>> files = new TreeMap<>();
            try (Stream<Path> paths = Files.walk(ROOT.resolve("deploy"))) {
                paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .forEach(p -> files.put(p, parseYaml(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deployDocuments = files;
        }
        return deployDocuments;
    }

    /** The Kubernetes resources of deploy/base, kustomization.yaml aside. */
    private static List<Map<String, Object>> baseResources() {
        Path base = ROOT.resolve("deploy/base");
        return deployDocuments().entrySet().stream()
                .filter(e -> e.getKey().startsWith(base) && !e.getKey().getFileName().toString().equals("kustomization.yaml"))
                .flatMap(e -> e.getValue().stream().map(d -> map(d, e.getKey().toString())))
                .toList();
    }

    /** Parses all documents of a YAML file (empty ones dropped); a syntax error or a duplicate key fails the test. */
    static List<Object> parseYaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Object> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : yaml.loadAll(reader)) {
                if (document != null) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            fail(ROOT.relativize(file) + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    // ---- small helpers over parsed YAML ----

    /** docker-compose's environment, as a mapping or as a list of NAME=value. */
    private static Map<String, String> environment(Object environment, String where) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> variables.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> l) {
            for (Object entry : l) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                variables.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        } else {
            fail(where + ": environment is neither a mapping nor a list: " + environment);
        }
        return variables;
    }

    private static boolean awaitedToComplete(Map<String, Object> services, String job) {
        return SERVICES.stream().allMatch(s -> {
            Object dependsOn = map(services.get(s), s).get("depends_on");
            return dependsOn instanceof Map<?, ?> d && d.get(job) instanceof Map<?, ?> c
                    && "service_completed_successfully".equals(c.get("condition"));
        });
    }

    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        Map<String, Object> podSpec = map(map(map(deployment.get("spec"), "spec").get("template"), "template").get("spec"), "pod spec");
        return list(podSpec.get("containers"), "containers").stream().map(c -> map(c, "container")).toList();
    }

    private static String name(Map<String, Object> resource) {
        return string(map(resource.get("metadata"), "metadata").get("name"));
    }

    private static Map<String, Object> labels(Map<String, Object> resource) {
        return map(map(resource.get("metadata"), "metadata").getOrDefault("labels", Map.of()), "labels");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what + " (a mapping)").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String what) {
        assertThat(value).as(what + " (a list)").isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static String string(Object value) {
        assertThat(value).as("a value").isNotNull();
        return String.valueOf(value);
    }

    private static String tag(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">\\s*([^<]*?)\\s*</" + tag + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
