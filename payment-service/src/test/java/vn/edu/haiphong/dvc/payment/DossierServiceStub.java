package vn.edu.haiphong.dvc.payment;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.edu.haiphong.dvc.infra.Ports;

/**
 * A stand-in for dossier-service's reference reads ({@code GET /api/v1/units/{code}},
 * {@code GET /api/v1/procedures/{code}}), answering with the same JSON. A test starts it on the address
 * the service was configured with, and stops it to play "dossier-service is down".
 */
final class DossierServiceStub implements AutoCloseable {

    /** Reserves the address at start-up and hands it to the service's REST client. */
    public static final class Address implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("quarkus.rest-client.dossier-service.url", "http://localhost:" + Ports.freePort());
        }

        @Override
        public void stop() {
        }
    }

    private final HttpServer server;
    private final Map<String, String> units = new ConcurrentHashMap<>();
    private final Map<String, String> procedures = new ConcurrentHashMap<>();
    private final AtomicInteger lookUps = new AtomicInteger();

    DossierServiceStub(String url, String expectedToken) throws IOException {
        URI uri = URI.create(url);
        server = HttpServer.create(new InetSocketAddress("localhost", uri.getPort()), 0);
        server.createContext("/api/v1/", exchange -> answer(exchange, expectedToken));
        server.start();
    }

    void unit(String code, String name, String parentCode) {
        units.put(code, "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"type\":\"SCHOOL\",\"parentCode\":"
                + (parentCode == null ? "null" : "\"" + parentCode + "\"") + ",\"adultPopulation\":null}");
    }

    void procedure(String code, String name) {
        procedures.put(code, "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"field\":\"Giáo dục\","
                + "\"eligibleFullyOnline\":true,\"providedFullyOnline\":true,\"integratedNationalPortal\":true,\"feeBearing\":true}");
    }

    int lookUps() {
        return lookUps.get();
    }

    private void answer(HttpExchange exchange, String expectedToken) throws IOException {
        lookUps.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String body = null;
        int status;
        if (!("Bearer " + expectedToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
        } else {
            if (path.startsWith("/api/v1/units/")) {
                body = units.get(path.substring("/api/v1/units/".length()));
            } else if (path.startsWith("/api/v1/procedures/")) {
                body = procedures.get(path.substring("/api/v1/procedures/".length()));
            }
            status = body == null ? 404 : 200;
        }
        byte[] bytes = (body == null ? "{\"status\":" + status + "}" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
