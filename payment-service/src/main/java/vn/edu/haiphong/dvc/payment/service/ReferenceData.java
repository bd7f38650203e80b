package vn.edu.haiphong.dvc.payment.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.ingest.validation.KnownCodes;
import vn.edu.haiphong.dvc.ingest.validation.ReferenceLookup;
import vn.edu.haiphong.dvc.payment.config.PaymentConfig;
import vn.edu.haiphong.dvc.payment.mapping.ReferenceCopyMapper;
import vn.edu.haiphong.dvc.payment.repository.ReferenceCopyRepository;
import vn.edu.haiphong.dvc.payment.rest.DossierServiceClient;

/**
 * Which units and procedures are registered, answered from the local copy that the compacted reference
 * topics keep up to date. A code the copy does not hold yet (registered a moment ago, its message still
 * on its way) is looked up in dossier-service and copied: an integrator who registers a unit and pays at
 * once is accepted. While dossier-service is down, everything the copy holds still works; only a code it
 * has never seen gets a 503, to be retried. Bounded (OWASP API4): one request looks up at most
 * {@code dvc.payment.lookup.max-per-request} codes (beyond: a 503 to retry, nothing stored), and a code dossier-service
 * does not know is remembered as unknown for {@code dvc.payment.lookup.miss-ttl} (the copy, fed from the topics,
 * still accepts it the moment it arrives there).
 */
@ApplicationScoped
public class ReferenceData implements ReferenceLookup {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);

    private final ReferenceCopyRepository copy;
    private final DossierServiceClient dossierService;
    private final String authorization;
    private final KnownCodes units;
    private final KnownCodes procedures;
    private final int topicTransactionTimeout;
    private final int maxLookUps;
    private final MissedCodes missed;

    public ReferenceData(ReferenceCopyRepository copy, @RestClient DossierServiceClient dossierService, PaymentConfig config) {
        this.copy = copy;
        this.dossierService = dossierService;
        this.authorization = "Bearer " + config.dossierServiceToken();
        this.topicTransactionTimeout = Math.toIntExact(Math.max(1, config.reference().transactionTimeout().toSeconds()));
        this.maxLookUps = config.lookup().maxPerRequest();
        this.missed = new MissedCodes(config.lookup().missTtl());
        this.units = new KnownCodes(codes -> withLookUp(codes, copy::knownUnits, code -> {
            UnitRecord unit = dossierService.unit(code, authorization);
            QuarkusTransaction.requiringNew().run(() -> copy.save(ReferenceCopyMapper.toCopy(unit, now())));
        }, "unit", maxLookUps, missed));
        this.procedures = new KnownCodes(codes -> withLookUp(codes, copy::knownProcedures, code -> {
            ProcedureRecord procedure = dossierService.procedure(code, authorization);
            QuarkusTransaction.requiringNew().run(() -> copy.save(ReferenceCopyMapper.toCopy(procedure, now())));
        }, "procedure", maxLookUps, missed));
    }

    @Override
    public Set<String> knownUnits(Set<String> codes) {
        return units.among(codes);
    }

    @Override
    public Set<String> knownProcedures(Set<String> codes) {
        return procedures.among(codes);
    }

    /** Stores a unit that arrived on the reference topic, in a transaction of its own. */
    public void save(UnitRecord unit) {
        QuarkusTransaction.requiringNew().timeout(topicTransactionTimeout)
                .run(() -> copy.save(ReferenceCopyMapper.toCopy(unit, now())));
    }

    /** Stores a procedure that arrived on the reference topic, in a transaction of its own. */
    public void save(ProcedureRecord procedure) {
        QuarkusTransaction.requiringNew().timeout(topicTransactionTimeout)
                .run(() -> copy.save(ReferenceCopyMapper.toCopy(procedure, now())));
    }

    public boolean unitExists(String code) {
        return copy.unitExists(code);
    }

    private interface LookUp {
        void copy(String code);
    }

    private static Set<String> withLookUp(Set<String> codes, Function<Set<String>, Set<String>> local, LookUp lookUp,
            String kind, int maxLookUps, MissedCodes missed) {
        Set<String> known = new HashSet<>(local.apply(codes));
        List<String> toAsk = codes.stream().filter(c -> !known.contains(c) && !missed.recently(kind, c)).sorted().toList();
        if (toAsk.size() > maxLookUps) {
            LOG.warnf("%d %s codes of one request are not in the copy: more than the %d a request may look up", toAsk.size(), kind,
                    maxLookUps);
            throw ProblemException.unavailable(toAsk.size() + " " + kind + " codes of this request are not in this service's copy of "
                    + "the reference data yet: more than the " + maxLookUps + " one request may confirm with dossier-service. "
                    + "Nothing was stored; retry the same request in a few seconds, when the reference topics have brought them.");
        }
        for (String code : toAsk) {
            try {
                lookUp.copy(code);
                known.add(code);
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() != 404) {
                    throw unavailable(kind, code, "it answered " + e.getResponse().getStatus());
                }
                missed.remember(kind, code);
            } catch (ProcessingException e) {
                throw unavailable(kind, code, "it cannot be reached");
            }
        }
        return known;
    }

    /** Codes dossier-service answered 404 for, each until its time-to-live passes; at most {@link #MAX} remembered. */
    static final class MissedCodes {

        static final int MAX = 10_000;

        private final Map<String, Long> until = new ConcurrentHashMap<>();
        private final long ttlNanos;

        MissedCodes(Duration ttl) {
            this.ttlNanos = ttl.toNanos();
        }

        boolean recently(String kind, String code) {
            Long expires = until.get(kind + ' ' + code);
            if (expires == null) {
                return false;
            }
            if (System.nanoTime() - expires > 0) {
                until.remove(kind + ' ' + code, expires);
                return false;
            }
            return true;
        }

        void remember(String kind, String code) {
            if (ttlNanos <= 0) {
                return;
            }
            if (until.size() >= MAX) {
                // Bounded memory: forgetting only means asking again.
                until.clear();
            }
            until.put(kind + ' ' + code, System.nanoTime() + ttlNanos);
        }
    }

    private static ProblemException unavailable(String kind, String code, String why) {
        LOG.warnf("Cannot confirm %s '%s' with dossier-service: %s", kind, code, why);
        return ProblemException.unavailable("The " + kind + " '" + code + "' is not in this service's copy of the "
                + "reference data yet, and dossier-service cannot confirm it now (" + why + "). Nothing was stored; "
                + "retry the same request later.");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
