package vn.edu.haiphong.dvc.dossier.rest;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import vn.edu.haiphong.dvc.dossier.service.ReferenceDataService.Change;
import vn.edu.haiphong.dvc.dossier.service.ReferenceDataService.Upserted;

/** How a PUT of reference data answers: 201 with the record's location when it created it, 200 otherwise. */
final class Upserts {

    private Upserts() {
    }

    static Response response(Upserted<?> result, String location) {
        return result.change() == Change.CREATED
                ? Response.created(URI.create(location)).entity(result.value()).build()
                : Response.ok(result.value()).build();
    }
}
