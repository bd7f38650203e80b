package vn.edu.haiphong.dvc.indicator.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 14 indicators of section 5 of the contract, with their names in the users' language. What each
 * counts is defined once, in {@code IndicatorQueries}.
 */
public enum Indicator {

    PROCEDURES_FULLY_ONLINE("procedures-fully-online",
            "Tỷ lệ TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình",
            "Eligible procedures offered as fully-online services", Subject.PROCEDURE),
    FULLY_ONLINE_ON_NATIONAL_PORTAL("fully-online-on-national-portal",
            "Tỷ lệ dịch vụ công trực tuyến toàn trình được tích hợp trên Cổng Dịch vụ công quốc gia",
            "Fully-online services integrated on the National Public Service Portal", Subject.PROCEDURE),
    ONLINE_SUBMISSION("online-submission",
            "Tỷ lệ hồ sơ nộp trực tuyến",
            "Dossiers submitted online", Subject.DOSSIER),
    FULLY_ONLINE_DOSSIERS("fully-online-dossiers",
            "Tỷ lệ hồ sơ trực tuyến toàn trình",
            "Dossiers handled fully online", Subject.DOSSIER),
    DOSSIER_DIGITIZATION("dossier-digitization",
            "Tỷ lệ số hóa hồ sơ",
            "Dossiers digitized", Subject.DOSSIER),
    RESULT_DIGITIZATION("result-digitization",
            "Tỷ lệ số hóa kết quả giải quyết TTHC",
            "Procedure results digitized", Subject.DOSSIER),
    DOSSIERS_IN_SYSTEM("dossiers-in-system",
            "Tỷ lệ hồ sơ được cập nhật vào Hệ thống giải quyết TTHC",
            "Dossiers entered into the procedure-processing system", Subject.DOSSIER),
    RESULTS_SYNCED("results-synced",
            "Tỷ lệ kết quả xử lý hồ sơ được đồng bộ trên Cổng Dịch vụ công quốc gia",
            "Processing results synchronised to the National Portal", Subject.DOSSIER),
    ONLINE_PAYMENTS("online-payments",
            "Tỷ lệ giao dịch thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia",
            "Payment transactions made online on the National Portal", Subject.TRANSACTION),
    CASHLESS_PAYMENTS("cashless-payments",
            "Tỷ lệ giao dịch thanh toán không dùng tiền mặt",
            "Cashless payment transactions", Subject.TRANSACTION),
    FEE_PROCEDURES_PAID_ONLINE("fee-procedures-paid-online",
            "Tỷ lệ TTHC có nghĩa vụ tài chính được thanh toán trực tuyến",
            "Fee-bearing procedures paid online", Subject.PROCEDURE),
    ADULT_ONLINE_USERS("adult-online-users",
            "Tỷ lệ người dân trưởng thành sử dụng dịch vụ công trực tuyến",
            "Adults using online public services", Subject.APPLICANT),
    ON_TIME_RESULTS("on-time-results",
            "Tỷ lệ hồ sơ giải quyết đúng hạn",
            "Results issued on time", Subject.DOSSIER),
    SATISFACTION("satisfaction",
            "Tỷ lệ người dân hài lòng",
            "Applicants satisfied (rating 4 or 5)", Subject.DOSSIER);

    /** What the numerator and denominator count, and so what a drill-down lists. */
    public enum Subject {
        DOSSIER, TRANSACTION, PROCEDURE, APPLICANT
    }

    public final String id;
    public final String vi;
    public final String en;
    public final Subject subject;

    Indicator(String id, String vi, String en, Subject subject) {
        this.id = id;
        this.vi = vi;
        this.en = en;
        this.subject = subject;
    }

    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }

    /** Catalogue indicators use the current catalogue and ignore period and unit. */
    public boolean catalogue() {
        return this == PROCEDURES_FULLY_ONLINE || this == FULLY_ONLINE_ON_NATIONAL_PORTAL;
    }
}
