package vn.edu.haiphong.dvc.e2e;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import vn.edu.haiphong.dvc.infra.ProcessStack;
import vn.edu.haiphong.dvc.infra.Tokens;

/**
 * One system per test JVM, started by the first test class that needs it and stopped when the JVM ends:
 * the fault scenarios and the bad-input properties (run by different test engines) share it.
 */
final class SharedStack {

    /** The services a school's dashboard uses: the page and its weeks, and the reports it posts. */
    private static final List<String> SCHOOL_SERVICES = List.of("dossier-service", "indicator-service");
    private static final String KEY_LOCATION = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";

    private static ProcessStack stack;

    private SharedStack() {
    }

    static synchronized ProcessStack get() throws Exception {
        if (stack == null) {
            ProcessStack started = new ProcessStack(Path.of("").toAbsolutePath().getParent(), Path.of("target/e2e").toAbsolutePath(), "384m");
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-stack-stop"));
            started.start();
            stack = started;
        }
        return stack;
    }

    /** Mints tokens that dossier-service and indicator-service accept while {@link #withSchoolAccounts} runs. */
    interface Accounts {
        /** A unit-reporter of the unit (CONTRACT section 0: role unit-reporter, claim {@code unit}). */
        String unitReporter(String unit);
    }

    interface Work {
        void run(Accounts accounts) throws Exception;
    }

    /**
     * Runs work that needs a school's token, with the dashboard connected to dossier-service: both learn each other's
     * address (DVC_DASHBOARD_ORIGINS, DVC_DASHBOARD_DOSSIER_SERVICE_URL; they keep it), and trust a key of this JVM's
     * for the work's duration. The stack mints its own tokens (ingest, reader, admin) with a key it does not hand out,
     * so a token with a {@code unit} claim needs a key of its own; the two services trust the stack's again after, for
     * the other tests of the JVM. Until they do, those tests' tokens are refused by these two services.
     */
    static synchronized void withSchoolAccounts(Work work) throws Exception {
        ProcessStack s = get();
        KeyPair keys = Tokens.generateKeyPair();
        Path keyFile = Path.of("target/e2e/school-jwt-public.pem").toAbsolutePath();
        Tokens.writePublicKeyPem(keys.getPublic(), keyFile);
        String stackKey = s.environment("indicator-service").get(KEY_LOCATION);
        Map<String, String> dashboard = Map.of("DVC_DASHBOARD_ORIGINS", s.url("indicator-service"),
                "DVC_DASHBOARD_DOSSIER_SERVICE_URL", s.url("dossier-service"), KEY_LOCATION, "file:" + keyFile);
        try {
            for (String service : SCHOOL_SERVICES) {
                s.restartWith(service, dashboard);
            }
            work.run(unit -> unitReporter(keys.getPrivate(), unit));
        } finally {
            for (String service : SCHOOL_SERVICES) {
                s.restartWith(service, Map.of(KEY_LOCATION, stackKey));
            }
        }
    }

    /** The claims {@link Tokens#mint} gives the stack's tokens, and the unit. */
    private static String unitReporter(PrivateKey key, String unit) {
        return Jwt.issuer(ProcessStack.ISSUER).subject("e2e-school-" + unit).upn("e2e-school-" + unit)
                .groups(Set.of("unit-reporter")).claim("unit", unit).audience(Tokens.AUDIENCE).expiresIn(Duration.ofHours(1))
                .claim("jti", UUID.randomUUID().toString()).jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }
}
