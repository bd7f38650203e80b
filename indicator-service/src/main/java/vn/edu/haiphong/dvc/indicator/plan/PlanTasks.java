package vn.edu.haiphong.dvc.indicator.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in tasks of each year's plan: the appendix of Kế hoạch of Sở Giáo dục và Đào tạo Hải Phòng for 2024
 * (shared/seed), its 13 rows as written, with the indicators CONTRACT section 9 names for each.
 */
public final class PlanTasks {

    private static final String OFFICE = "Văn phòng Sở";
    private static final String DIVISIONS = "Các phòng CMNV Sở";
    private static final String ONE_STOP = "Bộ phận Một cửa Sở";
    private static final String YEAR_2024 = "Năm 2024";
    private static final String PORTAL_STATISTICS = "Thông kê kết quả trên Hệ thống theo dõi Cổng dịch vụ công quốc gia";

    private static final List<PlanTask> TASKS_2024 = List.of(
            new PlanTask(1, "Rà soát các thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
                    "Review the administrative procedures provided as fully online public services",
                    OFFICE, DIVISIONS, YEAR_2024, "Sửa đổi, bổ sung Quyết định số 2962/QĐ-UBND ngày 29/9/2023", List.of(), true),
            new PlanTask(2, "100% thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công "
                    + "trực tuyến toàn trình",
                    "100% of the administrative procedures eligible under the law are provided as fully online public services",
                    OFFICE, DIVISIONS, YEAR_2024, "Thông kê kết quả trên Hệ thống thông tin giải quyết thủ tục hành chính, đối chiếu "
                            + "Quyết định công bố của thành phố", List.of("procedures-fully-online"), false),
            new PlanTask(3, "80% dịch vụ công trực tuyến toàn trình được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia",
                    "80% of the fully online public services are integrated into and provided on the National Public Service Portal",
                    OFFICE, DIVISIONS, YEAR_2024, "Thông kê kết quả trên Hệ thống theo dõi Cổng dịch vụ công quốc gia",
                    List.of("fully-online-on-national-portal"), false),
            new PlanTask(4, "- Tỷ lệ số hóa hồ sơ và kết quả giải quyết thủ tục hành chính: 90%. - 100% kết quả giải quyết thủ tục "
                    + "hành chính được số hóa.",
                    "- Digitization of dossiers and results of administrative procedures: 90%. - 100% of the results of administrative "
                            + "procedures are digitized.",
                    OFFICE, DIVISIONS, YEAR_2024, PORTAL_STATISTICS, List.of("dossier-digitization", "result-digitization"), false),
            new PlanTask(5, "60% người dân trưởng thành có sử dụng dịch vụ công trực tuyến",
                    "60% of adult citizens use online public services",
                    ONE_STOP, OFFICE, YEAR_2024, null, List.of("adult-online-users"), false),
            new PlanTask(6, "50% hồ sơ thủ tục hành chính được người dân, doanh nghiệp thực hiện trực tuyến từ xa",
                    "50% of administrative procedure dossiers are submitted remotely online by citizens and businesses",
                    ONE_STOP, OFFICE, YEAR_2024, PORTAL_STATISTICS, List.of("online-submission"), false),
            new PlanTask(7, "Tối thiểu 45% giao dịch thanh toán trực tuyến trên Cổng dịch vụ công quốc gia trên tổng số giao dịch "
                    + "thanh toán của dịch vụ công",
                    "At least 45% of public service payment transactions are paid online on the National Public Service Portal",
                    ONE_STOP, OFFICE, YEAR_2024, PORTAL_STATISTICS, List.of("online-payments"), false),
            new PlanTask(8, "80% số thủ tục hành chính có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến trên Cổng dịch vụ công "
                    + "quốc gia",
                    "80% of the administrative procedures with a financial obligation are paid online on the National Public Service Portal",
                    ONE_STOP, OFFICE, YEAR_2024, PORTAL_STATISTICS, List.of("fee-procedures-paid-online"), false),
            new PlanTask(9, "100% hồ sơ phát sinh được cập nhật vào Hệ thống giải quyết thủ tục hành chính",
                    "100% of the dossiers that arise are entered into the administrative procedure system",
                    ONE_STOP, OFFICE, YEAR_2024, "Thông kê kết quả trên Hệ thống theo dõi Cổng dịch vụ công quốc gia",
                    List.of("dossiers-in-system"), false),
            new PlanTask(10, "100% kết quả xử lý hồ sơ giải quyết thủ tục hành chính được đồng bộ trên Cổng dịch vụ công quốc gia",
                    "100% of the results of administrative procedure dossiers are synchronised to the National Public Service Portal",
                    ONE_STOP, OFFICE, YEAR_2024, PORTAL_STATISTICS, List.of("results-synced"), false),
            new PlanTask(11, "Tối thiểu 90% hồ sơ trực tuyến toàn trình",
                    "At least 90% of dossiers are fully online",
                    OFFICE, DIVISIONS, YEAR_2024, PORTAL_STATISTICS, List.of("fully-online-dossiers"), false),
            new PlanTask(12, "Giới thiệu, hướng dẫn sử dụng dịch vụ công trực tuyến, thanh toán trực tuyến khi giải quyết thủ tục hành "
                    + "chính vào chương trình ngoại khóa, sinh hoạt chuyên đề cho học sinh trung học phổ thông và giáo viên các trường "
                    + "mầm non, tiểu học, trung học cơ sở, trung học phổ thông, sinh hoạt chuyên đề cho giáo viên",
                    "Introduce and guide the use of online public services and online payment for administrative procedures in the "
                            + "extracurricular programme and thematic sessions for upper-secondary students and for the teachers of "
                            + "preschools, primary, lower- and upper-secondary schools, and thematic sessions for teachers",
                    "Phòng GD mầm non; Phòng GD tiểu học; Phòng GD Trung học; Phòng GD Thường xuyên và Đại học.",
                    "Các đơn vị trường học", YEAR_2024, "Kế hoạch triển khai Báo cáo thực hiện",
                    List.of("schools-with-outreach-sessions"), true),
            new PlanTask(13, "100% hệ thống truyền thanh của các cơ sở giáo dục thực hiện tuyên truyền các nội dung hướng dẫn sử dụng "
                    + "dịch vụ công trực tuyến, thanh toán trực tuyến khi giải quyết thủ tục hành chính và thực hiện ký số cá nhân (nếu "
                    + "có nhu cầu) tối thiểu phát thanh 1 lần trong tuần",
                    "100% of the schools' broadcast systems air guidance on online public services, online payment for administrative "
                            + "procedures and personal digital signatures (where wanted), at least once a week",
                    "Các đơn vị trường học", OFFICE, YEAR_2024, "Lồng ghép vào Kế hoạch truyền thanh cơ sở thường kỳ. Cung cấp danh mục "
                            + "tên bài tuyên truyền, thời lượng tin bài, thời điểm phát",
                    List.of("weekly-broadcasts"), false));

    private static final Map<Integer, List<PlanTask>> BY_YEAR = Map.of(2024, TASKS_2024);

    private PlanTasks() {
    }

    /** A year's tasks; empty when the year has none built in. */
    public static Optional<List<PlanTask>> of(int year) {
        return Optional.ofNullable(BY_YEAR.get(year));
    }
}
