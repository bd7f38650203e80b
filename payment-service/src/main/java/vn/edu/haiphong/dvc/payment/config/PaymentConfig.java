package vn.edu.haiphong.dvc.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dvc.payment")
public interface PaymentConfig {

    /** Partitions of the payment-events topic when this service creates it: the unit of consumer scale-out. */
    @WithDefault("6")
    int eventPartitions();

    /**
     * A bearer token with the reader role, for looking up in dossier-service a unit or procedure the local
     * copy does not hold yet.
     */
    String dossierServiceToken();
}
