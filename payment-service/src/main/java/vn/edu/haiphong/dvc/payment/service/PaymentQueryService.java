package vn.edu.haiphong.dvc.payment.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.contract.PaymentMethod;
import vn.edu.haiphong.dvc.payment.api.PaymentSummary;
import vn.edu.haiphong.dvc.payment.api.PaymentSummary.ByMethod;
import vn.edu.haiphong.dvc.payment.api.PaymentSummary.Line;
import vn.edu.haiphong.dvc.payment.api.PaymentView;
import vn.edu.haiphong.dvc.payment.mapping.PaymentMapper;
import vn.edu.haiphong.dvc.payment.repository.TransactionRepository;

@ApplicationScoped
public class PaymentQueryService {

    /** The scope unit and every unit below it, from the local copy of the tree (UNION stops on any cycle). */
    private static final String SCOPE = """
            with recursive scope(code) as (
                select code from unit_copy where code = :unit
                union
                select u.code from unit_copy u join scope s on u.parent_code = s.code)
            """;
    private static final String SUMS = """
            select t.method, count(*), sum(t.amount),
                   count(t.refund_event_id), coalesce(sum(case when t.refund_event_id is not null then t.amount end), 0)
            from payment_transaction t
            where t.paid_at >= :start and t.paid_at < :end
            """;

    private final TransactionRepository transactions;
    private final EntityManager em;

    public PaymentQueryService(TransactionRepository transactions, EntityManager em) {
        this.transactions = transactions;
        this.em = em;
    }

    public List<PaymentView> ofDossier(String dossierCode) {
        return transactions.ofDossier(dossierCode).stream().map(PaymentMapper::toView).toList();
    }

    /** @param unit null for every unit; otherwise a unit of the local copy */
    public PaymentSummary summary(LocalDate from, LocalDate to, String unit) {
        Query query = unit == null
                ? em.createNativeQuery(SUMS + " group by t.method")
                : em.createNativeQuery(SCOPE + SUMS + " and t.unit_code in (select code from scope) group by t.method")
                        .setParameter("unit", unit);
        query.setParameter("start", from.atStartOfDay().atOffset(DepartmentTime.OFFSET))
                .setParameter("end", to.plusDays(1).atStartOfDay().atOffset(DepartmentTime.OFFSET));

        Map<PaymentMethod, Line[]> rows = new EnumMap<>(PaymentMethod.class);
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            Line paid = new Line(((Number) r[1]).longValue(), ((Number) r[2]).longValue());
            Line refunded = new Line(((Number) r[3]).longValue(), ((Number) r[4]).longValue());
            rows.put(PaymentMethod.valueOf((String) r[0]), new Line[] { paid, refunded });
        }
        List<ByMethod> byMethod = new ArrayList<>();
        Line zero = new Line(0, 0);
        Line paidTotal = zero;
        Line refundedTotal = zero;
        for (PaymentMethod method : PaymentMethod.values()) {
            Line[] lines = rows.getOrDefault(method, new Line[] { zero, zero });
            byMethod.add(new ByMethod(method, lines[0], lines[1], lines[0].minus(lines[1])));
            paidTotal = paidTotal.plus(lines[0]);
            refundedTotal = refundedTotal.plus(lines[1]);
        }
        return new PaymentSummary(from, to, unit, "VND", byMethod,
                new PaymentSummary.Totals(paidTotal, refundedTotal, paidTotal.minus(refundedTotal)));
    }

}
