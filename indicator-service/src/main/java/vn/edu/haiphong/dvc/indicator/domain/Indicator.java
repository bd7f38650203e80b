package vn.edu.haiphong.dvc.indicator.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

import vn.edu.haiphong.dvc.indicator.domain.Definition.Applicants;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Catalogue;
import vn.edu.haiphong.dvc.indicator.domain.Definition.InProcess;
import vn.edu.haiphong.dvc.indicator.domain.Definition.PaidDossiers;
import vn.edu.haiphong.dvc.indicator.domain.Definition.ProcedureReach;
import vn.edu.haiphong.dvc.indicator.domain.Definition.ProcedureShare;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Ratio;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Subject;
import vn.edu.haiphong.dvc.indicator.domain.Definition.UnitOutreach;
import vn.edu.haiphong.dvc.contract.OutreachEventType;

/**
 * The indicators of section 5 of the contract (1-14, and of revision 2 15-23), with their names in the users' language and what each counts:
 * its {@link Definition}, in terms of {@link Metric}s and {@link ProcedureFlag}s. This is the one place that says it.
 */
public enum Indicator {

    PROCEDURES_FULLY_ONLINE("procedures-fully-online",
            "Tỷ lệ TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình",
            "Eligible procedures offered as fully-online services",
            new Catalogue(ProcedureFlag.PROVIDED_FULLY_ONLINE, ProcedureFlag.ELIGIBLE_FULLY_ONLINE)),
    FULLY_ONLINE_ON_NATIONAL_PORTAL("fully-online-on-national-portal",
            "Tỷ lệ dịch vụ công trực tuyến toàn trình được tích hợp trên Cổng Dịch vụ công quốc gia",
            "Fully-online services integrated on the National Public Service Portal",
            new Catalogue(ProcedureFlag.INTEGRATED_NATIONAL_PORTAL, ProcedureFlag.PROVIDED_FULLY_ONLINE)),
    ONLINE_SUBMISSION("online-submission",
            "Tỷ lệ hồ sơ nộp trực tuyến",
            "Dossiers submitted online",
            new Ratio(Metric.SUBMITTED_ONLINE, Metric.SUBMITTED)),
    FULLY_ONLINE_DOSSIERS("fully-online-dossiers",
            "Tỷ lệ hồ sơ trực tuyến toàn trình",
            "Dossiers handled fully online",
            new Ratio(Metric.SUBMITTED_FULLY_ONLINE, Metric.SUBMITTED, ProcedureFlag.PROVIDED_FULLY_ONLINE)),
    DOSSIER_DIGITIZATION("dossier-digitization",
            "Tỷ lệ số hóa hồ sơ",
            "Dossiers digitized",
            new Ratio(Metric.RECEIVED_DIGITIZED, Metric.RECEIVED)),
    RESULT_DIGITIZATION("result-digitization",
            "Tỷ lệ số hóa kết quả giải quyết TTHC",
            "Procedure results digitized",
            new Ratio(Metric.RESULT_DIGITIZED, Metric.RESULT)),
    DOSSIERS_IN_SYSTEM("dossiers-in-system",
            "Tỷ lệ hồ sơ được cập nhật vào Hệ thống giải quyết TTHC",
            "Dossiers entered into the procedure-processing system",
            new Ratio(Metric.SUBMITTED_RECEIVED, Metric.SUBMITTED)),
    RESULTS_SYNCED("results-synced",
            "Tỷ lệ kết quả xử lý hồ sơ được đồng bộ trên Cổng Dịch vụ công quốc gia",
            "Processing results synchronised to the National Portal",
            new Ratio(Metric.RESULT_SYNCED, Metric.RESULT)),
    ONLINE_PAYMENTS("online-payments",
            "Tỷ lệ giao dịch thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia",
            "Payment transactions made online on the National Portal",
            new Ratio(Metric.PAID_NATIONAL_PORTAL, Metric.PAID)),
    CASHLESS_PAYMENTS("cashless-payments",
            "Tỷ lệ giao dịch thanh toán không dùng tiền mặt",
            "Cashless payment transactions",
            new Ratio(Metric.PAID_CASHLESS, Metric.PAID)),
    FEE_PROCEDURES_PAID_ONLINE("fee-procedures-paid-online",
            "Tỷ lệ TTHC có nghĩa vụ tài chính được thanh toán trực tuyến",
            "Fee-bearing procedures paid online",
            new ProcedureShare(Metric.PAID_NATIONAL_PORTAL, Metric.SUBMITTED, ProcedureFlag.FEE_BEARING)),
    ADULT_ONLINE_USERS("adult-online-users",
            "Tỷ lệ người dân trưởng thành sử dụng dịch vụ công trực tuyến",
            "Adults using online public services",
            new Applicants(Metric.ADULT_APPLICANTS, Metric.ADULT_ONLINE_DOSSIERS)),
    ON_TIME_RESULTS("on-time-results",
            "Tỷ lệ hồ sơ giải quyết đúng hạn",
            "Results issued on time",
            new Ratio(Metric.RESULT_ON_TIME, Metric.RESULT_RECEIVED)),
    SATISFACTION("satisfaction",
            "Tỷ lệ người dân hài lòng",
            "Applicants satisfied (rating 4 or 5)",
            new Ratio(Metric.RATED_GOOD, Metric.RATED)),
    PROCESSED_ON_TIME("processed-on-time",
            "Tỷ lệ hồ sơ xử lý đúng hạn (kể cả hồ sơ đang giải quyết)",
            "Dossiers processed on time (open dossiers included)",
            new InProcess(Metric.ENDED, Metric.ENDED_ON_TIME, true, false)),
    WEEKLY_BROADCASTS("weekly-broadcasts",
            "Tỷ lệ hệ thống truyền thanh của cơ sở giáo dục phát thanh hướng dẫn sử dụng DVCTT tối thiểu 1 lần mỗi tuần",
            "School broadcast systems airing guidance on online services every week",
            new UnitOutreach(OutreachEventType.BROADCAST_AIRED, UnitOutreach.Units.WITH_BROADCAST_SYSTEM, true)),
    SCHOOLS_WITH_OUTREACH_SESSIONS("schools-with-outreach-sessions",
            "Tỷ lệ trường học tổ chức ngoại khóa, sinh hoạt chuyên đề hướng dẫn sử dụng DVCTT",
            "Schools holding extracurricular or thematic sessions on online services",
            new UnitOutreach(OutreachEventType.SESSION_HELD, UnitOutreach.Units.SCHOOLS, false)),
    FEE_PROCEDURES_WITH_DOSSIERS("fee-procedures-with-dossiers",
            "Tỷ lệ TTHC có nghĩa vụ tài chính phát sinh hồ sơ",
            "Fee-bearing procedures with dossiers",
            new ProcedureReach(Metric.SUBMITTED, ProcedureFlag.FEE_BEARING)),
    DOSSIERS_PAID_ONLINE("dossiers-paid-online",
            "Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến",
            "Dossiers paid online",
            new PaidDossiers(Metric.PAID_ONLINE, Metric.PAID)),
    DOSSIER_AND_RESULT_DIGITIZED("dossier-and-result-digitized",
            "Tỷ lệ hồ sơ được số hóa cả thành phần hồ sơ và kết quả giải quyết",
            "Dossiers with both the dossier and the result digitized",
            new Ratio(Metric.RESULT_BOTH_DIGITIZED, Metric.RESULT)),
    VNEID_APPLICANTS("vneid-applicants",
            "Tỷ lệ hồ sơ của công dân sử dụng tài khoản định danh điện tử VNeID",
            "Citizens' dossiers filed with a VNeID account",
            new Ratio(Metric.SUBMITTED_BY_VNEID_CITIZEN, Metric.SUBMITTED_BY_CITIZEN)),
    FULLY_ONLINE_OF_ELIGIBLE("fully-online-of-eligible",
            "Tỷ lệ hồ sơ trực tuyến toàn trình của TTHC đủ điều kiện cung cấp trực tuyến toàn trình",
            "Fully-online dossiers of the procedures eligible for it",
            new Ratio(Metric.SUBMITTED_FULLY_ONLINE, Metric.SUBMITTED, ProcedureFlag.ELIGIBLE_FULLY_ONLINE)),
    HANDLED_WITHOUT_COMPLAINT("handled-without-complaint",
            "Tỷ lệ hồ sơ giải quyết đúng hạn, không bị đánh giá không hài lòng",
            "Dossiers handled on time without a poor rating",
            new InProcess(Metric.ENDED, Metric.ENDED_WITHOUT_COMPLAINT, false, true));

    public final String id;
    public final String vi;
    public final String en;
    public final Definition definition;
    /** What its numerator and denominator count. */
    public final Subject subject;

    Indicator(String id, String vi, String en, Definition definition) {
        this.id = id;
        this.vi = vi;
        this.en = en;
        this.definition = definition;
        this.subject = definition.subject();
    }

    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }

    /** Catalogue indicators use the current catalogue and ignore period and unit. */
    public boolean catalogue() {
        return definition instanceof Catalogue;
    }

    /** How many more of the denominator's items meet the target ({@link TargetGap}); null without a target or denominator. */
    public Long needed(Count count, BigDecimal target) {
        return TargetGap.needed(count.numerator(), count.denominator(), target);
    }
}
