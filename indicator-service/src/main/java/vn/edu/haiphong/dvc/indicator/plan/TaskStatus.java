package vn.edu.haiphong.dvc.indicator.plan;

import java.util.List;
import java.util.Map;

import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;

/** A task's status over a period: measured from its indicators, or, for rows without a target, the one an admin reports. */
public enum TaskStatus {

    MET("met", "Đạt"),
    BEHIND("behind", "Chưa đạt"),
    NO_DATA("no-data", "Chưa có số liệu");

    public final String id;
    public final String vi;

    TaskStatus(String id, String vi) {
        this.id = id;
        this.vi = vi;
    }

    /**
     * {@code behind} when a measuring indicator with a target is not met, else {@code no-data} when one has no value
     * (or is not served), else {@code met}.
     */
    public static TaskStatus measured(List<String> indicators, Map<String, IndicatorValue> values) {
        boolean missing = false;
        for (String id : indicators) {
            IndicatorValue value = values.get(id);
            if (value == null || value.value() == null) {
                missing = true;
            } else if (value.target() != null && Boolean.FALSE.equals(value.met())) {
                return BEHIND;
            }
        }
        return missing ? NO_DATA : MET;
    }

    /** An admin's report: DONE is met, NOT_STARTED and IN_PROGRESS are behind (the year's task is not done); none: no-data. */
    public static TaskStatus reported(Progress progress) {
        if (progress == null) {
            return NO_DATA;
        }
        return progress == Progress.DONE ? MET : BEHIND;
    }

    /** What an admin reports of a task. */
    public enum Progress {
        NOT_STARTED("Chưa triển khai"),
        IN_PROGRESS("Đang thực hiện"),
        DONE("Đã hoàn thành");

        public final String vi;

        Progress(String vi) {
            this.vi = vi;
        }
    }
}
