package vn.edu.haiphong.dvc.indicator.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import vn.edu.haiphong.dvc.indicator.domain.Processing.DayRun;

/** Runs of days as PostgreSQL's datemultirange text: {@code {[2024-01-05,2024-02-01),[2024-03-01,)}}. */
final class DayRuns {

    private DayRuns() {
    }

    static String text(List<DayRun> runs) {
        return runs.stream().map(r -> "[" + r.from() + "," + (r.until() == null ? "" : r.until().toString()) + ")")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Reads what PostgreSQL writes: canonical ranges of dates, [from,until), until empty when unbounded. */
    static List<DayRun> parse(String text) {
        List<DayRun> runs = new ArrayList<>();
        if (text == null) {
            return runs;
        }
        String body = text.trim();
        body = body.substring(1, body.length() - 1);
        for (String range : body.split("\\)")) {
            String r = range.replace(",[", "[").trim();
            if (r.isEmpty()) {
                continue;
            }
            if (r.startsWith(",")) {
                r = r.substring(1);
            }
            String[] bounds = r.substring(1).split(",", -1);
            runs.add(new DayRun(LocalDate.parse(bounds[0]), bounds[1].isEmpty() ? null : LocalDate.parse(bounds[1])));
        }
        return runs;
    }
}
