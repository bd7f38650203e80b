package vn.edu.haiphong.dvc.indicator.plan;

import java.util.List;

/**
 * One row of a plan's appendix ("Nhiệm vụ giải pháp, chỉ tiêu thực hiện"), as written.
 *
 * @param indicators the ids of the indicators that measure it (CONTRACT section 9); empty: none
 * @param reportedStatus whether its status is the one an admin reports (rows without a target), not a measured one
 * @param product null where the appendix names none
 */
public record PlanTask(int number, String vi, String en, String lead, String cooperating, String deadline, String product,
        List<String> indicators, boolean reportedStatus) {
}
