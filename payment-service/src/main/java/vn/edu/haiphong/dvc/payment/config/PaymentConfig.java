package vn.edu.haiphong.dvc.payment.config;

import java.time.Duration;

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

    /** Looking up in dossier-service the codes the local copy does not hold. */
    Lookup lookup();

    interface Lookup {

        /**
         * The most codes one request may look up; a request with more unknown codes is a 503 to retry (by then the
         * topics have usually brought them), so that one request never makes thousands of calls.
         */
        @WithDefault("20")
        int maxPerRequest();

        /** How long a code dossier-service answered 404 for is taken as unknown without asking again. */
        @WithDefault("10s")
        Duration missTtl();
    }

    /** The consumer that keeps the local copy from the reference topics. */
    Reference reference();

    interface Reference {

        /** Longest one attempt to store a record may take; a slower one is rolled back and tried again. */
        Duration transactionTimeout();

        /** Where a record that can never be stored goes, with its reason. */
        String deadLetterTopic();

        /** Replicas of the dead-letter topic when this service creates it. */
        short deadLetterReplicationFactor();

        /**
         * Largest dead letter, in bytes: a longer value is cut to fit (the source offset points to the whole
         * record). Below the broker's {@code message.max.bytes}, 1 MB by default.
         */
        @WithDefault("1000000")
        int deadLetterMaxBytes();
    }
}
