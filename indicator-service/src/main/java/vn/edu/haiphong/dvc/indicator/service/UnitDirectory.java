package vn.edu.haiphong.dvc.indicator.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.repository.ReferenceCopies;

/** The unit tree as this service holds it (its copy of the reference topic). */
@ApplicationScoped
public class UnitDirectory {

    private final ReferenceCopies references;

    public UnitDirectory(ReferenceCopies references) {
        this.references = references;
    }

    /** Every unit, parents before their children (depth-first, siblings by code): a tree read top to bottom. */
    public List<UnitDto> tree() {
        return references.tree();
    }

    public Optional<UnitDto> unit(String code) {
        return references.unit(code);
    }
}
