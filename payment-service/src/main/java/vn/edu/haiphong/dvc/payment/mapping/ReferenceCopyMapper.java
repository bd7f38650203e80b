package vn.edu.haiphong.dvc.payment.mapping;

import java.time.OffsetDateTime;

import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.payment.repository.ProcedureCopy;
import vn.edu.haiphong.dvc.payment.repository.UnitCopy;

public final class ReferenceCopyMapper {

    private ReferenceCopyMapper() {
    }

    public static UnitCopy toCopy(UnitRecord r, OffsetDateTime now) {
        UnitCopy copy = new UnitCopy();
        copy.code = r.code();
        copy.name = r.name();
        copy.type = r.type().name();
        copy.parentCode = r.parentCode();
        copy.adultPopulation = r.adultPopulation();
        copy.updatedAt = now;
        return copy;
    }

    public static ProcedureCopy toCopy(ProcedureRecord r, OffsetDateTime now) {
        ProcedureCopy copy = new ProcedureCopy();
        copy.code = r.code();
        copy.name = r.name();
        copy.field = r.field();
        copy.eligibleFullyOnline = r.eligibleFullyOnline();
        copy.providedFullyOnline = r.providedFullyOnline();
        copy.integratedNationalPortal = r.integratedNationalPortal();
        copy.feeBearing = r.feeBearing();
        copy.updatedAt = now;
        return copy;
    }
}
