package vn.edu.haiphong.dvc.dossier.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import vn.edu.haiphong.dvc.dossier.config.DossierConfig;

/**
 * Replaces an applicant's citizen id or tax code by its HMAC-SHA-256 under a secret key: the same person
 * always gets the same hash (so distinct applicants can be counted), and nobody without the key can
 * recover or test an id. Made at start-up ({@code @Startup}), so that a key too short stops the service there, naming
 * the setting, instead of starting a healthy-looking service whose every SUBMITTED event then fails.
 */
@ApplicationScoped
@Startup
public class ApplicantHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public ApplicantHasher(DossierConfig config) {
        byte[] secret = config.applicantHashKey().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("dvc.dossier.applicant-hash-key (DVC_DOSSIER_APPLICANT_HASH_KEY) must be at least "
                    + MIN_KEY_BYTES + " bytes long; it has " + secret.length);
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** Ids are compared without surrounding spaces and case, as officials type them either way. */
    public String hash(String applicantId) {
        String normalized = applicantId.strip().toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
