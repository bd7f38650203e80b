package vn.edu.haiphong.dvc.dossier.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.dossier.api.PublicProgress;
import vn.edu.haiphong.dvc.dossier.api.PublicProgress.Named;
import vn.edu.haiphong.dvc.dossier.api.PublicProgress.Stage;
import vn.edu.haiphong.dvc.dossier.mapping.Milestones;
import vn.edu.haiphong.dvc.dossier.repository.DossierEntity;
import vn.edu.haiphong.dvc.dossier.repository.DossierRepository;
import vn.edu.haiphong.dvc.dossier.repository.ProcedureRepository;
import vn.edu.haiphong.dvc.dossier.repository.UnitRepository;
import vn.edu.haiphong.dvc.api.problem.ProblemException;

@ApplicationScoped
public class PublicProgressService {

    private final DossierRepository dossiers;
    private final ProcedureRepository procedures;
    private final UnitRepository units;

    public PublicProgressService(DossierRepository dossiers, ProcedureRepository procedures, UnitRepository units) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.units = units;
    }

    public PublicProgress progress(String dossierCode) {
        DossierEntity d = dossiers.findByIdOptional(dossierCode)
                .orElseThrow(() -> ProblemException.notFound("No dossier with code '" + dossierCode + "'"));
        Stage stage = Milestones.stage(d);
        Boolean onTime = d.resultIssuedAt != null && d.dueAt != null ? !d.resultIssuedAt.isAfter(d.dueAt) : null;
        return new PublicProgress(d.code,
                new Named(d.procedureCode, procedures.findByIdOptional(d.procedureCode).map(p -> p.name).orElse(null)),
                new Named(d.unitCode, units.findByIdOptional(d.unitCode).map(u -> u.name).orElse(null)),
                stage, stage.label, local(d.submittedAt), local(d.receivedAt), local(d.dueAt), local(d.resultIssuedAt), onTime);
    }

    /** Times are shown on the department's own clock. */
    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(DepartmentTime.OFFSET);
    }
}
