package vn.edu.haiphong.dvc.indicator.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the events of one dossier or one transaction have said so far, and what that makes it count for.
 *
 * @param <E> the events that change it
 */
public interface Fact<E> {

    /** The dossier's code, or the transaction's id. */
    String id();

    /** Takes in what one event says (exactly once per event: the caller skips redeliveries). */
    void record(E event, OffsetDateTime now);

    /** The counters it adds to, as its events stand. */
    List<Contribution> contributions();

    /** The adult citizen it makes count as one who applied online, if it does. */
    Optional<AdultApplication> adultApplication();
}
