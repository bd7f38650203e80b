package vn.edu.haiphong.dvc.dossier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dvc.dossier")
public interface DossierConfig {

    /**
     * Secret key of the HMAC-SHA-256 that replaces an applicant's id before anything is stored or
     * published. No default outside dev and test: the service refuses to start without one.
     */
    String applicantHashKey();

    /** Partitions of the dossier-events topic when this service creates it: the unit of consumer scale-out. */
    @WithDefault("6")
    int eventPartitions();
}
