package vn.edu.haiphong.dvc.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Mints one long-lived token per role for a local run.
 *
 * <p>The key pair in {@code --dir} ({@code jwt-private.pem}, {@code jwt-public.pem}) is generated on the
 * first run and reused afterwards, so services configured with the public key keep accepting tokens minted
 * later. The {@code --out} file gets exactly the lines {@code INGEST_TOKEN=...}, {@code READER_TOKEN=...},
 * {@code ADMIN_TOKEN=...}, ready to be sourced by a shell.
 */
public final class TokenMintMain {

    static final String USAGE = "Usage: TokenMintMain --dir DIR --issuer ISSUER (--out FILE | --role ROLE [--unit UNIT])";
    /** r2: the roles one more token can be minted for ({@code ./run-local.sh token ROLE [UNIT]}). */
    static final Set<String> KNOWN_ROLES = Set.of("ingest", "reader", "admin", "unit-reporter");
    static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    /** r2: the quick start's tokens last at most 30 days (CONTRACT section 0). */
    static final Duration LIFETIME = Duration.ofDays(30);

    /** Variable name to role (the {@code groups} claim); the order is the order of the lines written. */
    static final Map<String, String> ROLES = Collections.unmodifiableMap(roles());

    private TokenMintMain() {
    }

    public static void main(String[] args) {
        Cli cli = Cli.parse(args, Set.of("dir", "issuer", "out", "role", "unit"), USAGE);
        Path dir = Path.of(cli.require("dir", USAGE)).toAbsolutePath();
        String issuer = cli.require("issuer", USAGE);
        if (cli.get("role") != null) {
            one(dir, issuer, cli.get("role"), cli.get("unit"));
            return;
        }
        Path out = Path.of(cli.require("out", USAGE)).toAbsolutePath();
        try {
            PrivateKey key = loadOrCreateKey(dir);
            StringBuilder lines = new StringBuilder();
            ROLES.forEach((variable, role) -> lines.append(variable).append('=')
                    .append(Tokens.mint(key, issuer, "local-" + role, Set.of(role), LIFETIME)).append('\n'));
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, lines, StandardCharsets.US_ASCII);
            Tokens.ownerOnly(out);
        } catch (IOException | RuntimeException e) {
            Cli.exit(Cli.EXIT_FAILURE, "Could not mint tokens: " + e);
        }
        System.out.println("Wrote " + ROLES.size() + " tokens to " + out + " (public key: "
                + dir.resolve(PUBLIC_KEY_FILE) + ")");
    }

    /**
     * r2: prints one more token, signed by the same key (created if there is none yet), alone on one line. A
     * unit-reporter's names its unit in the claim {@code unit}.
     */
    static void one(Path dir, String issuer, String role, String unit) {
        if (!KNOWN_ROLES.contains(role)) {
            Cli.exit(Cli.EXIT_USAGE_OR_PORT, "Unknown role '" + role + "': one of " + new java.util.TreeSet<>(KNOWN_ROLES));
        }
        if (role.equals("unit-reporter") && (unit == null || unit.isBlank())) {
            Cli.exit(Cli.EXIT_USAGE_OR_PORT, "A unit-reporter token needs its unit: token unit-reporter UNIT");
        }
        try {
            PrivateKey key = loadOrCreateKey(dir);
            Map<String, String> claims = role.equals("unit-reporter") ? Map.of("unit", unit) : Map.of();
            String subject = role.equals("unit-reporter") ? "local-unit-" + unit : "local-" + role;
            System.out.println(Tokens.mint(key, issuer, subject, Set.of(role), claims, LIFETIME));
        } catch (IOException | RuntimeException e) {
            Cli.exit(Cli.EXIT_FAILURE, "Could not mint a token: " + e);
        }
    }

    static PrivateKey loadOrCreateKey(Path dir) throws IOException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return Tokens.readPrivateKeyPem(privateFile);
        }
        if (Files.exists(privateFile) || Files.exists(publicFile)) {
            // Regenerating one half would silently invalidate every token and configuration using the other.
            throw new IOException("only one of " + privateFile + " and " + publicFile
                    + " exists; restore the other or delete both");
        }
        KeyPair pair = Tokens.generateKeyPair();
        Tokens.writePrivateKeyPem(pair.getPrivate(), privateFile);
        Tokens.writePublicKeyPem(pair.getPublic(), publicFile);
        return pair.getPrivate();
    }

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("INGEST_TOKEN", "ingest");
        roles.put("READER_TOKEN", "reader");
        roles.put("ADMIN_TOKEN", "admin");
        return roles;
    }
}
