package vn.edu.haiphong.dvc.indicator.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.repository.ReferenceCopies;

/** The unit tree as this service holds it (its copy of the reference topic). */
@ApplicationScoped
public class UnitDirectory {

    private final ReferenceCopies references;
    private final Set<String> knownUnits = ConcurrentHashMap.newKeySet();

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

    /**
     * Whether the code names a registered unit. Units are never removed, so a code once found stays valid and is
     * answered from memory after that: a reader's every request does not cost a database round trip.
     */
    public boolean exists(String code) {
        if (knownUnits.contains(code)) {
            return true;
        }
        boolean exists = references.unit(code).isPresent();
        if (exists) {
            knownUnits.add(code);
        }
        return exists;
    }
}
