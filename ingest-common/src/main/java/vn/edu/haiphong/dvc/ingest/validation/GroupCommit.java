package vn.edu.haiphong.dvc.ingest.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;

/**
 * Group commit of concurrent single-event requests: the requests that arrive while a group is being stored wait,
 * and are then stored together, in one transaction of the batch path; each is answered with its own result once
 * that transaction has committed. One request's event never makes another's fail:
 * <ul>
 * <li>field rules are checked per request before it joins a group (a 422 never reaches one);</li>
 * <li>if the group breaks a rule of the aggregates or of idempotency ({@link ProblemException}), nothing of it
 * was stored (its transaction rolled back), and each request is stored again on its own, in its order, as if
 * the requests had come one after the other;</li>
 * <li>any other failure of the group's transaction is every request's answer: nothing was stored.</li>
 * </ul>
 * An idle service stores a lone request at once: a group is only what queued behind the one before it, at most
 * {@code maxSize} requests, so no request waits for a timer.
 */
public final class GroupCommit<E> {

    private final int maxSize;
    private final Function<List<Candidate<E>>, List<Candidate<E>>> storeGroup;
    private final Function<List<Candidate<E>>, IngestResult> storeOne;
    private final ArrayDeque<Pending<E>> queue = new ArrayDeque<>();
    private boolean leading;

    /**
     * @param storeGroup stores the events of several requests in one transaction and returns those it stored (see
     *        {@link Ingestion#storeFresh}), retried as a whole on a concurrent conflict
     * @param storeOne stores one request on its own, as without group commit
     */
    public GroupCommit(int maxSize, Function<List<Candidate<E>>, List<Candidate<E>>> storeGroup,
            Function<List<Candidate<E>>, IngestResult> storeOne) {
        this.maxSize = Math.max(1, maxSize);
        this.storeGroup = storeGroup;
        this.storeOne = storeOne;
    }

    /** Stores one request's events with the requests queued beside it, and answers once they are committed. */
    public IngestResult submit(List<Candidate<E>> candidates) {
        Pending<E> mine = new Pending<>(candidates);
        boolean lead;
        synchronized (queue) {
            queue.add(mine);
            lead = !leading;
            leading = true;
        }
        while (true) {
            if (lead) {
                runOneGroup();
            }
            lead = mine.await();
            if (!lead) {
                return mine.result();
            }
        }
    }

    /** Takes what is queued, stores it, answers it, and hands the lead to the first request still waiting. */
    private void runOneGroup() {
        List<Pending<E>> group = new ArrayList<>();
        synchronized (queue) {
            while (!queue.isEmpty() && group.size() < maxSize) {
                group.add(queue.poll());
            }
        }
        try {
            store(group);
        } finally {
            Pending<E> next;
            synchronized (queue) {
                next = queue.peek();
                leading = next != null;
            }
            if (next != null) {
                next.lead();
            }
        }
    }

    private void store(List<Pending<E>> group) {
        if (group.size() == 1) {
            Pending<E> only = group.get(0);
            try {
                only.done(storeOne.apply(only.candidates), null);
            } catch (RuntimeException e) {
                only.done(null, e);
            }
            return;
        }
        List<Candidate<E>> all = new ArrayList<>();
        for (Pending<E> p : group) {
            all.addAll(p.candidates);
        }
        Set<Candidate<E>> stored;
        try {
            stored = Collections.newSetFromMap(new IdentityHashMap<>());
            stored.addAll(storeGroup.apply(all));
        } catch (ProblemException e) {
            // A rule broken somewhere in the group, and nothing of it stored: each request on its own, in order.
            for (Pending<E> p : group) {
                try {
                    p.done(storeOne.apply(p.candidates), null);
                } catch (RuntimeException one) {
                    p.done(null, one);
                }
            }
            return;
        } catch (RuntimeException e) {
            for (Pending<E> p : group) {
                p.done(null, e);
            }
            return;
        }
        for (Pending<E> p : group) {
            int accepted = 0;
            for (Candidate<E> c : p.candidates) {
                if (stored.contains(c)) {
                    accepted++;
                }
            }
            p.done(new IngestResult(accepted, p.candidates.size() - accepted), null);
        }
    }

    /** A request waiting in a group: answered, or asked to lead the next group. */
    private static final class Pending<E> {
        final List<Candidate<E>> candidates;
        private boolean answered;
        private boolean leader;
        private IngestResult result;
        private RuntimeException failure;

        Pending(List<Candidate<E>> candidates) {
            this.candidates = candidates;
        }

        synchronized void done(IngestResult result, RuntimeException failure) {
            this.result = result;
            this.failure = failure;
            this.answered = true;
            notifyAll();
        }

        synchronized void lead() {
            leader = true;
            notifyAll();
        }

        /** @return true when this request is to lead the next group, false once it is answered */
        synchronized boolean await() {
            boolean interrupted = false;
            while (!answered && !leader) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // The answer comes once the group's transaction ends, whatever happens to this thread meanwhile.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (answered) {
                return false;
            }
            leader = false;
            return true;
        }

        synchronized IngestResult result() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
