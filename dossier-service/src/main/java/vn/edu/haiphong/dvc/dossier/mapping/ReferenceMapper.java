package vn.edu.haiphong.dvc.dossier.mapping;

import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.dossier.api.ProcedureDto;
import vn.edu.haiphong.dvc.dossier.api.UnitDto;
import vn.edu.haiphong.dvc.dossier.repository.ProcedureEntity;
import vn.edu.haiphong.dvc.dossier.repository.UnitEntity;

public final class ReferenceMapper {

    private ReferenceMapper() {
    }

    public static UnitDto toDto(UnitEntity e) {
        return new UnitDto(e.code, e.name, e.type, e.parentCode, e.adultPopulation, e.broadcastSystem);
    }

    public static UnitRecord toRecord(UnitEntity e) {
        return new UnitRecord(e.code, e.name, e.type, e.parentCode, e.adultPopulation, e.broadcastSystem);
    }

    /** @return whether anything changed */
    public static boolean apply(UnitDto dto, UnitEntity e) {
        boolean changed = !dto.name().equals(e.name) || dto.type() != e.type
                || !java.util.Objects.equals(dto.parentCode(), e.parentCode)
                || !java.util.Objects.equals(dto.adultPopulation(), e.adultPopulation)
                || dto.hasBroadcastSystem() != e.broadcastSystem;
        e.name = dto.name();
        e.type = dto.type();
        e.parentCode = dto.parentCode();
        e.adultPopulation = dto.adultPopulation();
        e.broadcastSystem = dto.hasBroadcastSystem();
        return changed;
    }

    public static ProcedureDto toDto(ProcedureEntity e) {
        return new ProcedureDto(e.code, e.name, e.field, e.eligibleFullyOnline, e.providedFullyOnline,
                e.integratedNationalPortal, e.feeBearing);
    }

    public static ProcedureRecord toRecord(ProcedureEntity e) {
        return new ProcedureRecord(e.code, e.name, e.field, e.eligibleFullyOnline, e.providedFullyOnline,
                e.integratedNationalPortal, e.feeBearing);
    }

    /** @return whether anything changed */
    public static boolean apply(ProcedureDto dto, ProcedureEntity e) {
        boolean changed = !dto.name().equals(e.name) || !java.util.Objects.equals(dto.field(), e.field)
                || dto.eligibleFullyOnline() != e.eligibleFullyOnline
                || dto.providedFullyOnline() != e.providedFullyOnline
                || dto.integratedNationalPortal() != e.integratedNationalPortal
                || dto.feeBearing() != e.feeBearing;
        e.name = dto.name();
        e.field = dto.field();
        e.eligibleFullyOnline = dto.eligibleFullyOnline();
        e.providedFullyOnline = dto.providedFullyOnline();
        e.integratedNationalPortal = dto.integratedNationalPortal();
        e.feeBearing = dto.feeBearing();
        return changed;
    }
}
