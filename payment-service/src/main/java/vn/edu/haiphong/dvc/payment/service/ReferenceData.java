package vn.edu.haiphong.dvc.payment.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
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
 * has never seen gets a 503, to be retried.
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

    public ReferenceData(ReferenceCopyRepository copy, @RestClient DossierServiceClient dossierService, PaymentConfig config) {
        this.copy = copy;
        this.dossierService = dossierService;
        this.authorization = "Bearer " + config.dossierServiceToken();
        this.topicTransactionTimeout = Math.toIntExact(Math.max(1, config.reference().transactionTimeout().toSeconds()));
        this.units = new KnownCodes(codes -> withLookUp(codes, copy::knownUnits, code -> {
            UnitRecord unit = dossierService.unit(code, authorization);
            QuarkusTransaction.requiringNew().run(() -> copy.save(ReferenceCopyMapper.toCopy(unit, now())));
        }, "unit"));
        this.procedures = new KnownCodes(codes -> withLookUp(codes, copy::knownProcedures, code -> {
            ProcedureRecord procedure = dossierService.procedure(code, authorization);
            QuarkusTransaction.requiringNew().run(() -> copy.save(ReferenceCopyMapper.toCopy(procedure, now())));
        }, "procedure"));
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
            String kind) {
        Set<String> known = new HashSet<>(local.apply(codes));
        for (String code : codes) {
            if (known.contains(code)) {
                continue;
            }
            try {
                lookUp.copy(code);
                known.add(code);
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() != 404) {
                    throw unavailable(kind, code, "it answered " + e.getResponse().getStatus());
                }
            } catch (ProcessingException e) {
                throw unavailable(kind, code, "it cannot be reached");
            }
        }
        return known;
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
