package vn.edu.haiphong.dvc.ingest.validation;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Registered codes, remembered: units and procedures are never removed, so a code once found registered
 * stays so, and a request asks the store only about the codes this instance has not seen yet. A code not
 * registered is asked about again each time (it may be registered meanwhile).
 */
public final class KnownCodes {

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Function<Set<String>, Set<String>> lookup;

    /** @param lookup the registered ones among the codes it is given, from the store */
    public KnownCodes(Function<Set<String>, Set<String>> lookup) {
        this.lookup = lookup;
    }

    /** @return the registered ones among {@code codes} */
    public Set<String> among(Set<String> codes) {
        Set<String> unseen = new HashSet<>();
        for (String code : codes) {
            if (!known.contains(code)) {
                unseen.add(code);
            }
        }
        if (!unseen.isEmpty()) {
            known.addAll(lookup.apply(unseen));
        }
        Set<String> registered = new HashSet<>();
        for (String code : codes) {
            if (known.contains(code)) {
                registered.add(code);
            }
        }
        return registered;
    }
}
