package vn.edu.haiphong.dvc.ingest.validation;

import java.util.Set;

/** Which unit and procedure codes are registered: each ingest service answers from its own data. */
public interface ReferenceLookup {

    /** @return the registered ones among {@code codes} */
    Set<String> knownUnits(Set<String> codes);

    /** @return the registered ones among {@code codes} */
    Set<String> knownProcedures(Set<String> codes);
}
