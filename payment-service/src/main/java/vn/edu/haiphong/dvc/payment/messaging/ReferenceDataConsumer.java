package vn.edu.haiphong.dvc.payment.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.payment.service.ReferenceData;

/**
 * Keeps the local copy of units and procedures from dossier-service's compacted topics. Re-reading a
 * message only writes the same row again, so redelivery is harmless.
 */
@ApplicationScoped
public class ReferenceDataConsumer {

    public static final String UNITS_IN = "reference-units";
    public static final String PROCEDURES_IN = "reference-procedures";

    private final ReferenceData referenceData;
    private final ObjectMapper mapper;

    public ReferenceDataConsumer(ReferenceData referenceData, ObjectMapper mapper) {
        this.referenceData = referenceData;
        this.mapper = mapper;
    }

    @Incoming(UNITS_IN)
    @Blocking
    @Transactional
    public void unit(String json) throws JsonProcessingException {
        if (json != null) {
            referenceData.save(mapper.readValue(json, UnitRecord.class));
        }
    }

    @Incoming(PROCEDURES_IN)
    @Blocking
    @Transactional
    public void procedure(String json) throws JsonProcessingException {
        if (json != null) {
            referenceData.save(mapper.readValue(json, ProcedureRecord.class));
        }
    }
}
