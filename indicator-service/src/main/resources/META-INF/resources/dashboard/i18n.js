/** The page's words in Vietnamese and English, and numbers and dates as people read them in the chosen language. */
import { state } from './state.js';
import { $ } from './dom.js';

const TEXT = {
    vi: {
        skip: 'Bỏ qua, đến nội dung chính', org: 'Sở Giáo dục và Đào tạo Hải Phòng',
        title: 'Kết quả dịch vụ công trực tuyến, trực tiếp', signOut: 'Đăng xuất', signInTitle: 'Đăng nhập',
        tokenLabel: 'Mã truy cập (token có quyền đọc)',
        tokenHint: 'Mã chỉ được giữ trong phiên làm việc của trình duyệt này và bị xoá khi đóng thẻ.',
        signIn: 'Đăng nhập', badToken: 'Mã truy cập không hợp lệ hoặc đã hết hạn.',
        forbidden: 'Mã truy cập này không có quyền đọc số liệu.', expired: 'Phiên đã hết hạn: hãy đăng nhập lại.',
        unreachable: 'Không kết nối được tới máy chủ.', filters: 'Kỳ và đơn vị', periodKind: 'Kỳ báo cáo',
        byYear: 'Năm', byQuarter: 'Quý', byMonth: 'Tháng', byCustom: 'Tùy chọn', year: 'Năm', quarter: 'Quý',
        month: 'Tháng', from: 'Từ ngày', to: 'Đến ngày', unit: 'Đơn vị', allUnits: 'Toàn bộ các đơn vị',
        period: (from, to) => `Kỳ: từ ${from} đến ${to}`, fromAfterTo: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
        freshness: 'Trạng thái dữ liệu', updated: (t) => `Cập nhật lúc ${t}`,
        lastEvent: (t) => `Sự kiện gần nhất: ${t}`, noEvent: 'Chưa có sự kiện nào',
        streamConnecting: 'Trực tiếp: đang kết nối…', streamLive: 'Trực tiếp: đang nhận cập nhật',
        streamDown: 'Mất kết nối trực tiếp: số liệu không tự cập nhật, đang thử kết nối lại…',
        stale: (t, limit) => `Số liệu có thể đã cũ: không có sự kiện mới từ ${t} (quá ${limit}).`,
        staleNever: (limit) => `Số liệu có thể đã cũ: chưa nhận sự kiện nào (ngưỡng ${limit}).`,
        notCounting: (state, lag) => `Số liệu đang đứng yên: máy chủ không còn ghi nhận sự kiện mới (${state}${lag ? `, ${lag} sự kiện đang chờ` : ''}). Hãy báo cho quản trị hệ thống.`,
        minutes: (n) => `${n} phút`, seconds: (n) => `${n} giây`,
        cardsTitle: 'Các chỉ tiêu của kế hoạch', target: (v) => `Mục tiêu: ${v}`, noTarget: 'Không có mục tiêu',
        met: 'Đạt', close: 'Gần đạt', behind: 'Chưa đạt', noData: 'Chưa có số liệu',
        counts: 'Tử số / mẫu số', ofWhich: (n, d, w) => `${n} / ${d} ${w}`, unknownDenominator: 'chưa có mẫu số',
        needed: (k, w) => `Cần thêm ${k} ${w} để đạt mục tiêu`, reached: 'Đã đạt mục tiêu',
        showDetail: (name) => `Xem chi tiết: ${name}`,
        progress: (name) => `Tiến độ so với mục tiêu: ${name}`,
        words: { DOSSIER: 'hồ sơ', TRANSACTION: 'giao dịch', PROCEDURE: 'thủ tục', APPLICANT: 'người', UNIT: 'đơn vị' },
        detailTitle: 'Chi tiết một chỉ tiêu', indicator: 'Chỉ tiêu', granularity: 'Chia theo', day: 'Ngày', week: 'Tuần',
        monthly: 'Tháng', quarterly: 'Quý', trendTitle: 'Diễn biến theo thời gian', seriesTable: 'Bảng số liệu của biểu đồ',
        bucket: 'Kỳ', bucketValue: 'Trong kỳ (%)', cumulativeValue: 'Lũy kế (%)', targetLine: 'Mục tiêu (%)',
        trendCaption: (name, n) => `${name}: ${n} mốc, giá trị trong từng kỳ và lũy kế từ đầu kỳ báo cáo.`,
        rankingTitle: 'Xếp hạng các đơn vị trực thuộc', rank: 'Hạng', unitName: 'Đơn vị', value: 'Kết quả',
        verdict: 'Đánh giá', noUnits: 'Không có đơn vị trực thuộc.', drillTitle: 'Hồ sơ đằng sau con số',
        drillSet: 'Danh sách', setNumerator: 'Được tính vào tử số', setDenominator: 'Mẫu số',
        colProcedure: 'Thủ tục', colUnit: 'Đơn vị', colSubmitted: 'Ngày nộp', colReceived: 'Ngày tiếp nhận', colDue: 'Hạn giải quyết',
        colResult: 'Ngày trả kết quả', colLate: 'Đúng hạn / trễ hạn', colPaid: 'Ngày thanh toán', colMethod: 'Hình thức', colAmount: 'Số tiền',
        onTime: 'Đúng hạn', lateBy: (n) => `Trễ ${n} ngày làm việc`, filterProcedure: 'Mã thủ tục', filterUnit: 'Đơn vị tiếp nhận',
        anyUnit: 'Tất cả', drillCsv: 'Tải CSV', drillXlsx: 'Tải XLSX',
        setGap: 'Chưa đạt (có trong mẫu số, không có trong tử số)', code: 'Mã',
        codeOf: { DOSSIER: 'Mã hồ sơ', TRANSACTION: 'Mã giao dịch (mã hồ sơ)', PROCEDURE: 'Mã thủ tục', UNIT: 'Mã đơn vị' },
        noItems: 'Không có mục nào.', prev: '‹ Trang trước', next: 'Trang sau ›', paging: 'Phân trang',
        pageInfo: (p, n, total) => `Trang ${p} / ${n} — ${total} mục`,
        reportsTitle: 'Báo cáo gửi Ủy ban nhân dân thành phố',
        reportsText: (y, u) => `Báo cáo năm ${y}, phạm vi: ${u}. Mỗi chỉ tiêu với kết quả, mục tiêu, đánh giá và xếp hạng các đơn vị trực thuộc.`,
        xlsx: 'Tải báo cáo Excel (XLSX)', csv: 'Tải báo cáo CSV', pdf: 'Tải báo cáo PDF',
        downloading: 'Đang tạo báo cáo…', downloaded: (f) => `Đã tải ${f}`, failed: (d) => `Không tải được: ${d}`,
        footer: 'Số liệu tính từ sự kiện của hệ thống một cửa và nền tảng thanh toán; giờ Việt Nam (UTC+07:00).',
        openTitle: 'Hồ sơ đang giải quyết', openScope: (u, t) => `${u} — tính đến ${t}`,
        openWithin: 'Sắp đến hạn: hạn trong vòng (ngày làm việc)', openCountsTitle: 'Theo trạng thái (chọn để lọc danh sách)',
        stateAll: 'Tất cả', 'state-waiting': 'Chờ bổ sung', 'state-overdue': 'Quá hạn', 'state-due-soon': 'Sắp đến hạn',
        'state-on-track': 'Trong hạn', 'state-result-issued': 'Đã trả kết quả', 'state-withdrawn': 'Đã rút hồ sơ',
        'state-not-received': 'Chưa tiếp nhận',
        filterBy: (s, n) => `Lọc danh sách: ${s}, ${n} hồ sơ`,
        openUnitsTitle: 'Các đơn vị trực thuộc, nhiều hồ sơ quá hạn nhất trước',
        moveTo: (u) => `Xem hồ sơ đang giải quyết của ${u}`,
        openListTitle: 'Danh sách hồ sơ', openListOf: (s) => `Danh sách hồ sơ: ${s}`,
        dossierCode: 'Mã hồ sơ', openState: 'Trạng thái', procedure: 'Thủ tục', receivedAt: 'Tiếp nhận', due: 'Hạn giải quyết',
        workingDays: 'Ngày làm việc', supplementRequests: 'Số lần yêu cầu bổ sung',
        daysLate: (n) => `quá hạn ${n} ngày làm việc`, daysLeft: (n) => `còn ${n} ngày làm việc`,
        noOpen: 'Không có hồ sơ nào đang giải quyết.', openPaging: 'Phân trang danh sách hồ sơ',
        openPageInfo: (p, n, total) => `Trang ${p} / ${n} — ${total} hồ sơ`,
        openXlsx: 'Tải danh sách Excel (XLSX)', openCsv: 'Tải danh sách CSV',
        calendarUnset: (y) => `Lịch làm việc năm ${y} chưa được cấu hình: ngày làm việc của năm này chỉ được tính từ thứ Hai đến thứ Sáu (chưa có ngày nghỉ lễ, ngày làm bù).`,
        showTimeline: (c) => `Xem diễn biến hồ sơ ${c}`,
        timelineTitle: 'Diễn biến hồ sơ', timelineOf: (c) => `Diễn biến hồ sơ ${c}`, closeDialog: 'Đóng', loading: 'Đang tải…',
        notFound: 'Không tìm thấy hồ sơ này.', eventsTitle: 'Các sự kiện', occurredAt: 'Thời điểm', event: 'Sự kiện',
        eventDetails: 'Chi tiết', noEvents: 'Chưa có sự kiện nào.', paymentsTitle: 'Thanh toán', paidAt: 'Thời điểm',
        transaction: 'Mã giao dịch', method: 'Hình thức', amount: 'Số tiền', refunded: 'Hoàn tiền', noPayments: 'Không có giao dịch thanh toán.',
        yes: 'có', no: 'không',
        eventTypes: { SUBMITTED: 'Nộp hồ sơ', RECEIVED: 'Tiếp nhận', DOSSIER_DIGITIZED: 'Số hóa hồ sơ', RESULT_ISSUED: 'Trả kết quả',
            RESULT_DIGITIZED: 'Số hóa kết quả', RESULT_SYNCED: 'Đồng bộ kết quả', WITHDRAWN: 'Rút hồ sơ', RATED: 'Đánh giá',
            SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung', SUPPLEMENT_RECEIVED: 'Nhận bổ sung' },
        fields: { channel: 'Kênh nộp', fullyOnline: 'Toàn trình', dueAt: 'Hạn giải quyết', outcome: 'Kết quả', rating: 'Mức đánh giá' },
        values: { ONLINE: 'trực tuyến', IN_PERSON: 'trực tiếp', POSTAL: 'qua bưu chính', APPROVED: 'chấp thuận', REFUSED: 'từ chối',
            NATIONAL_PORTAL: 'Cổng Dịch vụ công quốc gia', OTHER_ONLINE: 'trực tuyến khác', BANK_TRANSFER: 'chuyển khoản', CASH: 'tiền mặt' },
        stars: (n) => `${n}/5`,
        planTitle: 'Kế hoạch: các nhiệm vụ, giải pháp', planText: (y) => `Các nhiệm vụ của Kế hoạch năm ${y} và kết quả cả năm trên toàn bộ các đơn vị.`,
        planNone: (y) => `Chưa có nhiệm vụ nào của kế hoạch năm ${y}.`, planNumber: 'TT', planTask: 'Nhiệm vụ, giải pháp', planLead: 'Chủ trì',
        planDeadline: 'Thời gian thực hiện', planMeasures: 'Chỉ tiêu đo (cả năm, toàn bộ các đơn vị)', planStatus: 'Đánh giá',
        planReport: 'Báo cáo tiến độ', taskStatus: { met: 'Đạt', behind: 'Chưa đạt', 'no-data': 'Chưa có số liệu' },
        progressNames: { NOT_STARTED: 'Chưa triển khai', IN_PROGRESS: 'Đang thực hiện', DONE: 'Đã hoàn thành' },
        reportedAs: (s) => `Đã báo cáo: ${s}`, progressLabel: 'Tiến độ', noteLabel: 'Ghi chú', reportSave: 'Ghi nhận',
        saving: 'Đang lưu…', reportSaved: 'Đã ghi nhận.',
        scorecardTitle: 'Chỉ số 766 (ước tính)',
        scorecardNone: (y) => `Chưa có bộ tiêu chí Chỉ số 766 áp dụng cho năm ${y}: không ước tính được điểm.`,
        scorecardText: (v, y, from, to, u) => `Ước tính từ sự kiện của hệ thống này theo bộ tiêu chí ${v} (Quyết định 766/QĐ-TTg, áp dụng năm ${y}); kỳ từ ${from} đến ${to}, phạm vi: ${u}. Điểm chính thức là điểm do Cổng Dịch vụ công quốc gia công bố.`,
        scorecardGaugesTitle: 'Tổng điểm và điểm từng nhóm', scorecardTotal: 'Tổng điểm',
        gaugeText: (e, p, m) => `${e} / ${p} điểm tính được (tối đa ${m})`,
        gaugeLeftOut: (n) => `${n} điểm chưa tính được (thiếu dữ liệu)`,
        scorecardCriteriaTitle: 'Điểm từng tiêu chí', criterion: 'Tiêu chí', criterionValue: 'Kết quả / mức đủ điểm',
        criterionPoints: 'Điểm', pointsLost: 'Điểm bị mất', neededForFull: 'Cần thêm để đủ điểm', gapList: 'Chưa đạt',
        noValue: 'Chưa có số liệu: không tính vào điểm', fullPoints: 'Đã đủ điểm', plus: (n, w) => `+${n} ${w}`,
        gapButton: 'Xem danh sách', showGap: (c, name) => `Xem danh sách chưa đạt của tiêu chí ${c}: ${name}`,
        scorecardMissingTitle: 'Các tiêu chí chưa tính được', pointsOf: (n) => `${n} điểm`, dataNeeded: (d) => `Cần dữ liệu: ${d}`,
        scorecardUnitsTitle: 'Xếp hạng các đơn vị trực thuộc theo điểm', groupShort: (id) => `Nhóm ${id}`,
        moveScorecard: (u) => `Xem điểm của ${u}`,
        scorecardTrendTitle: 'Tổng điểm theo tháng',
        scorecardTrendCaption: (n, m) => `Tổng điểm ước tính của ${n} tháng, mỗi tháng tính riêng, trên thang ${m} điểm: cột đậm là điểm đạt, cột nhạt là điểm tính được.`,
        earnedCol: 'Điểm đạt', possibleCol: 'Điểm tính được', versionCol: 'Bộ tiêu chí',
        viewClosed: 'Báo cáo đã chốt', closedTitle: 'Báo cáo đã chốt',
        closedText: (y, u) => `Báo cáo năm ${y} đã gửi, giữ nguyên như khi chốt; phạm vi đang xem: ${u}. Sự kiện đến muộn làm số liệu hiện nay thay đổi, được liệt kê dưới đây.`,
        closeReport: (y, u) => `Chốt báo cáo năm ${y}: ${u}`, closedNow: 'Đã chốt báo cáo.', closedBefore: 'Báo cáo này đã được chốt trước đó; giữ nguyên lần chốt đầu.',
        closedListTitle: 'Các báo cáo đã chốt của năm', closedNoneOfYear: (y) => `Chưa có báo cáo nào của năm ${y} được chốt.`,
        colClosedAt: 'Chốt lúc', colClosedBy: 'Người chốt', colFiles: 'Tệp đã gửi',
        closedNot: (y, u) => `Báo cáo năm ${y} của ${u} chưa được chốt.`,
        closedSummary: (at, by, revised, n) => `Chốt lúc ${at} bởi ${by}. ${revised} / ${n} chỉ tiêu đã thay đổi kể từ khi chốt.`,
        closedFiguresTitle: 'Số liệu khi chốt và hiện nay', colAsClosed: 'Khi chốt', colNow: 'Hiện nay', colChange: 'Điều chỉnh',
        unchanged: 'Không đổi', percentPoints: 'điểm %',
        closedLateTitle: 'Sự kiện đến sau khi chốt', colCountedAt: 'Ghi nhận lúc', colOccurredAt: 'Xảy ra lúc', colEvent: 'Sự kiện',
        colDossier: 'Hồ sơ', colTransaction: 'Giao dịch', noLateEvents: 'Không có sự kiện nào đến sau khi chốt.',
        lateMore: (shown, total) => `Hiển thị ${shown} / ${total} sự kiện gần nhất.`,
        paymentTypes: { PAID: 'Thanh toán', REFUNDED: 'Hoàn tiền' },
        viewWatch: 'Cảnh báo và dự báo', watchTitle: 'Cảnh báo và dự báo', alertsTitle: 'Cảnh báo gần nhất',
        projectionsTitle: 'Dự báo đến cuối năm (không phải số liệu chính thức)',
        views: 'Các phần của trang', viewOpen: 'Hồ sơ đang giải quyết', viewPlan: 'Kế hoạch', viewScorecard: 'Chỉ số 766 (ước tính)',
        viewCards: 'Các chỉ tiêu', viewDetail: 'Chi tiết', viewReports: 'Báo cáo',
        schoolTitle: 'Công tác tuyên truyền của đơn vị', schoolWeeksTitle: 'Phát thanh theo tuần',
        weeksSummary: (aired, counted, missed) => `Đã phát thanh ${aired} / ${counted} tuần tính chỉ tiêu; ${missed} tuần chưa phát.`,
        noBroadcastSystem: 'Đơn vị chưa được đăng ký là có hệ thống truyền thanh: các tuần dưới đây chỉ để tham khảo.',
        weekAired: 'Đã phát', weekMissed: 'Chưa phát', weekBreak: 'Nghỉ', weekPending: 'Chưa hết tuần',
        weekAiredTimes: (n) => `Đã phát ${n} lần`, weekOff: (name) => `Nghỉ: ${name}`,
        schoolFormTitle: 'Báo cáo một hoạt động', activityKind: 'Loại hoạt động', kindBroadcast: 'Một buổi phát thanh',
        kindSession: 'Một buổi sinh hoạt, chuyên đề', 'kind-BROADCAST_AIRED': 'Phát thanh', 'kind-SESSION_HELD': 'Sinh hoạt, chuyên đề',
        unitCode: 'Mã đơn vị', itemTitle: 'Tiêu đề', airTime: 'Thời điểm phát', sessionTime: 'Thời điểm tổ chức',
        duration: 'Thời lượng', durationUnit: 'Đơn vị thời lượng', inMinutes: 'phút', inSeconds: 'giây',
        audience: 'Đối tượng', 'audience-STUDENTS': 'Học sinh', 'audience-TEACHERS': 'Giáo viên',
        'audience-STAFF': 'Cán bộ, nhân viên', 'audience-PARENTS': 'Cha mẹ học sinh', participants: 'Số người tham gia',
        sendReport: 'Gửi báo cáo', reported: (title) => `Đã ghi nhận: “${title}”.`,
        reportedAgain: (title) => `Báo cáo “${title}” đã được ghi nhận trước đó, không ghi thêm.`,
        reportInvalid: 'Báo cáo chưa được ghi nhận: hãy sửa các ô được chỉ ra.',
        reportForbidden: (unit) => `Bị từ chối (403): tài khoản này không được báo cáo cho đơn vị ${unit || '(trống)'}.`,
        reportConflict: 'Bị từ chối (409): mã sự kiện này đã được dùng cho một báo cáo khác.',
        reportFailed: (status) => `Báo cáo chưa được ghi nhận (lỗi ${status}); hãy thử lại.`,
        reportUnreachable: 'Không kết nối được tới hệ thống một cửa: báo cáo chưa được gửi, hãy thử lại.',
        schoolEventsTitle: 'Các hoạt động đã báo cáo, mới nhất trước', noReports: 'Chưa có hoạt động nào được báo cáo trong năm.',
        reportsForbidden: 'Không đọc được danh sách đã báo cáo (403).', schoolPaging: 'Phân trang các hoạt động đã báo cáo',
        lasting: (d) => `Thời lượng ${d}`, attended: (a, n) => `${a}, ${n} người`,
        switchTo: 'English', switchLang: 'en'
    },
    en: {
        skip: 'Skip to main content', org: 'Hai Phong Department of Education and Training',
        title: 'Online public services, live', signOut: 'Sign out', signInTitle: 'Sign in',
        tokenLabel: 'Access token (with the reader role)',
        tokenHint: 'The token is kept in this browser tab only, and forgotten when the tab is closed.',
        signIn: 'Sign in', badToken: 'The token is not valid or has expired.',
        forbidden: 'This token may not read the indicators.', expired: 'The session expired: please sign in again.',
        unreachable: 'The server cannot be reached.', filters: 'Period and unit', periodKind: 'Period',
        byYear: 'Year', byQuarter: 'Quarter', byMonth: 'Month', byCustom: 'Custom', year: 'Year', quarter: 'Quarter',
        month: 'Month', from: 'From', to: 'To', unit: 'Unit', allUnits: 'Every unit',
        period: (from, to) => `Period: ${from} to ${to}`, fromAfterTo: 'The start date must not be after the end date.',
        freshness: 'Data status', updated: (t) => `Updated ${t}`,
        lastEvent: (t) => `Latest event: ${t}`, noEvent: 'No event yet',
        streamConnecting: 'Live: connecting…', streamLive: 'Live: receiving updates',
        streamDown: 'Live connection lost: the numbers are not updating; reconnecting…',
        stale: (t, limit) => `The data may be stale: no new event since ${t} (over ${limit}).`,
        staleNever: (limit) => `The data may be stale: no event received yet (threshold ${limit}).`,
        notCounting: (state, lag) => `The numbers are standing still: the server is not counting new events (${state}${lag ? `, ${lag} events waiting` : ''}). Tell the system administrator.`,
        minutes: (n) => `${n} min`, seconds: (n) => `${n} s`,
        cardsTitle: 'The plan\'s indicators', target: (v) => `Target: ${v}`, noTarget: 'No target',
        met: 'Met', close: 'Close', behind: 'Behind', noData: 'No data yet',
        counts: 'Numerator / denominator', ofWhich: (n, d, w) => `${n} / ${d} ${w}`, unknownDenominator: 'no denominator',
        needed: (k, w) => `${k} more ${w} needed to meet the target`, reached: 'Target met',
        showDetail: (name) => `Details: ${name}`,
        progress: (name) => `Progress towards the target: ${name}`,
        words: { DOSSIER: ['dossier', 'dossiers'], TRANSACTION: ['payment', 'payments'], PROCEDURE: ['procedure', 'procedures'],
            APPLICANT: ['adult', 'adults'], UNIT: ['unit', 'units'] },
        detailTitle: 'One indicator in detail', indicator: 'Indicator', granularity: 'By', day: 'Day', week: 'Week',
        monthly: 'Month', quarterly: 'Quarter', trendTitle: 'Trend', seriesTable: 'The chart\'s figures',
        bucket: 'Period', bucketValue: 'In period (%)', cumulativeValue: 'Cumulative (%)', targetLine: 'Target (%)',
        trendCaption: (name, n) => `${name}: ${n} points, each period's value and the cumulative value since the start.`,
        rankingTitle: 'Ranking of the units below', rank: 'Rank', unitName: 'Unit', value: 'Value',
        verdict: 'Verdict', noUnits: 'No units below this one.', drillTitle: 'The dossiers behind the number',
        drillSet: 'List', setNumerator: 'Counted in the numerator', setDenominator: 'Denominator',
        colProcedure: 'Procedure', colUnit: 'Unit', colSubmitted: 'Submitted', colReceived: 'Received', colDue: 'Due',
        colResult: 'Result issued', colLate: 'On time / late', colPaid: 'Paid', colMethod: 'Method', colAmount: 'Amount',
        onTime: 'On time', lateBy: (n) => `${n} working days late`, filterProcedure: 'Procedure code', filterUnit: 'Receiving unit',
        anyUnit: 'All', drillCsv: 'Download CSV', drillXlsx: 'Download XLSX',
        setGap: 'Gap (in the denominator, not in the numerator)', code: 'Code',
        codeOf: { DOSSIER: 'Dossier code', TRANSACTION: 'Transaction (dossier)', PROCEDURE: 'Procedure code', UNIT: 'Unit code' },
        noItems: 'Nothing to list.', prev: '‹ Previous page', next: 'Next page ›', paging: 'Pages',
        pageInfo: (p, n, total) => `Page ${p} of ${n} — ${total} items`,
        reportsTitle: 'Report to the city People\'s Committee',
        reportsText: (y, u) => `Report for ${y}, scope: ${u}. Each indicator with its value, target, verdict, and the ranking of the units below.`,
        xlsx: 'Download the Excel report (XLSX)', csv: 'Download the CSV report', pdf: 'Download the PDF report',
        downloading: 'Preparing the report…', downloaded: (f) => `Downloaded ${f}`, failed: (d) => `Could not download: ${d}`,
        footer: 'Computed from the events of the one-stop office system and the payment platform; Vietnam time (UTC+07:00).',
        openTitle: 'Dossiers in process', openScope: (u, t) => `${u} — as of ${t}`,
        openWithin: 'Due soon: due within (working days)', openCountsTitle: 'By state (choose one to filter the list)',
        stateAll: 'All', 'state-waiting': 'Awaiting supplement', 'state-overdue': 'Overdue', 'state-due-soon': 'Due soon',
        'state-on-track': 'On track', 'state-result-issued': 'Result issued', 'state-withdrawn': 'Withdrawn',
        'state-not-received': 'Not received',
        filterBy: (s, n) => `Filter the list: ${s}, ${n} ${n === '1' ? 'dossier' : 'dossiers'}`,
        openUnitsTitle: 'The units below, most overdue first',
        moveTo: (u) => `Show the dossiers in process of ${u}`,
        openListTitle: 'The dossiers', openListOf: (s) => `The dossiers: ${s}`,
        dossierCode: 'Dossier code', openState: 'State', procedure: 'Procedure', receivedAt: 'Received', due: 'Due',
        workingDays: 'Working days', supplementRequests: 'Supplement requests',
        daysLate: (n) => `${n} working ${n === '1' ? 'day' : 'days'} late`, daysLeft: (n) => `${n} working ${n === '1' ? 'day' : 'days'} left`,
        noOpen: 'No dossier in process.', openPaging: 'Pages of the dossiers',
        openPageInfo: (p, n, total) => `Page ${p} of ${n} — ${total} dossiers`,
        openXlsx: 'Download the list (Excel, XLSX)', openCsv: 'Download the list (CSV)',
        calendarUnset: (y) => `The working-day calendar of ${y} is not configured: working days of that year are counted Monday to Friday only (no holidays or worked weekend days).`,
        showTimeline: (c) => `Timeline of dossier ${c}`,
        timelineTitle: 'Dossier timeline', timelineOf: (c) => `Timeline of dossier ${c}`, closeDialog: 'Close', loading: 'Loading…',
        notFound: 'No such dossier.', eventsTitle: 'Events', occurredAt: 'Time', event: 'Event',
        eventDetails: 'Details', noEvents: 'No event yet.', paymentsTitle: 'Payments', paidAt: 'Time',
        transaction: 'Transaction', method: 'Method', amount: 'Amount', refunded: 'Refunded', noPayments: 'No payment.',
        yes: 'yes', no: 'no',
        eventTypes: { SUBMITTED: 'Submitted', RECEIVED: 'Received', DOSSIER_DIGITIZED: 'Dossier digitized', RESULT_ISSUED: 'Result issued',
            RESULT_DIGITIZED: 'Result digitized', RESULT_SYNCED: 'Result synced', WITHDRAWN: 'Withdrawn', RATED: 'Rated',
            SUPPLEMENT_REQUESTED: 'Supplement requested', SUPPLEMENT_RECEIVED: 'Supplement received' },
        fields: { channel: 'Channel', fullyOnline: 'Fully online', dueAt: 'Due', outcome: 'Outcome', rating: 'Rating' },
        values: { ONLINE: 'online', IN_PERSON: 'in person', POSTAL: 'by post', APPROVED: 'approved', REFUSED: 'refused',
            NATIONAL_PORTAL: 'National Portal', OTHER_ONLINE: 'other online', BANK_TRANSFER: 'bank transfer', CASH: 'cash' },
        stars: (n) => `${n}/5`,
        planTitle: 'Plan: tasks and measures', planText: (y) => `The tasks of the ${y} plan and the year's results across every unit.`,
        planNone: (y) => `The ${y} plan has no tasks.`, planNumber: 'No.', planTask: 'Task', planLead: 'Lead',
        planDeadline: 'Deadline', planMeasures: 'Measuring indicators (whole year, every unit)', planStatus: 'Status',
        planReport: 'Progress report', taskStatus: { met: 'Met', behind: 'Behind', 'no-data': 'No data' },
        progressNames: { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', DONE: 'Done' },
        reportedAs: (s) => `Reported: ${s}`, progressLabel: 'Progress', noteLabel: 'Note', reportSave: 'Save',
        saving: 'Saving…', reportSaved: 'Saved.',
        scorecardTitle: 'Scorecard 766 (estimate)',
        scorecardNone: (y) => `No scorecard 766 definition applies to ${y}: no points can be estimated.`,
        scorecardText: (v, y, from, to, u) => `Estimated from this system's events by the criteria ${v} (Decision 766/QĐ-TTg, those of ${y}); period ${from} to ${to}, scope: ${u}. The official score is the one the National Public Service Portal publishes.`,
        scorecardGaugesTitle: 'The total and each group', scorecardTotal: 'Total',
        gaugeText: (e, p, m) => `${e} of ${p} points computed (out of ${m})`,
        gaugeLeftOut: (n) => `${n} points not computed (no data)`,
        scorecardCriteriaTitle: 'Each criterion', criterion: 'Criterion', criterionValue: 'Value / full points at',
        criterionPoints: 'Points', pointsLost: 'Points lost', neededForFull: 'More needed for full points', gapList: 'Not counted',
        noValue: 'No data: left out of the points', fullPoints: 'Full points', plus: (n, w) => `+${n} ${w}`,
        gapButton: 'Show the list', showGap: (c, name) => `Show what is not counted for criterion ${c}: ${name}`,
        scorecardMissingTitle: 'The criteria not computed here', pointsOf: (n) => `${n} points`, dataNeeded: (d) => `Needs: ${d}`,
        scorecardUnitsTitle: 'The units below, ranked by points', groupShort: (id) => `Group ${id}`,
        moveScorecard: (u) => `Show the scorecard of ${u}`,
        scorecardTrendTitle: 'The total by month',
        scorecardTrendCaption: (n, m) => `The estimated total of ${n} months, each month scored alone, out of ${m} points: dark bars are the points earned, pale bars the points computed.`,
        earnedCol: 'Earned', possibleCol: 'Computed', versionCol: 'Criteria',
        viewClosed: 'Closed reports', closedTitle: 'Closed reports',
        closedText: (y, u) => `The ${y} reports as sent, kept as they were closed; scope shown: ${u}. Late events that moved the figures since are listed below.`,
        closeReport: (y, u) => `Close the ${y} report: ${u}`, closedNow: 'The report is closed.', closedBefore: 'This report was closed before; the first closing stands.',
        closedListTitle: 'Reports closed for the year', closedNoneOfYear: (y) => `No report of ${y} has been closed yet.`,
        colClosedAt: 'Closed at', colClosedBy: 'Closed by', colFiles: 'Files as sent',
        closedNot: (y, u) => `The ${y} report of ${u} is not closed.`,
        closedSummary: (at, by, revised, n) => `Closed at ${at} by ${by}. ${revised} of ${n} indicators have moved since.`,
        closedFiguresTitle: 'Figures as closed and now', colAsClosed: 'As closed', colNow: 'Now', colChange: 'Revision',
        unchanged: 'Unchanged', percentPoints: 'pp',
        closedLateTitle: 'Events counted after the closing', colCountedAt: 'Counted at', colOccurredAt: 'Happened at', colEvent: 'Event',
        colDossier: 'Dossier', colTransaction: 'Payment', noLateEvents: 'No event was counted after the closing.',
        lateMore: (shown, total) => `The latest ${shown} of ${total} events.`,
        paymentTypes: { PAID: 'Paid', REFUNDED: 'Refunded' },
        viewWatch: 'Alerts and projections', watchTitle: 'Alerts and projections', alertsTitle: 'Latest alerts',
        projectionsTitle: 'Projected to the year\'s end (not official figures)',
        views: 'Parts of the page', viewOpen: 'Dossiers in process', viewPlan: 'Plan', viewScorecard: 'Scorecard 766 (estimate)',
        viewCards: 'Indicators', viewDetail: 'Detail', viewReports: 'Reports',
        schoolTitle: 'Our outreach', schoolWeeksTitle: 'Broadcasts week by week',
        weeksSummary: (aired, counted, missed) => `Aired in ${aired} of ${counted} counted weeks; ${missed} missed.`,
        noBroadcastSystem: 'This unit is not registered as having a broadcast system: the weeks below are for reference only.',
        weekAired: 'Aired', weekMissed: 'Missed', weekBreak: 'Break', weekPending: 'Not over yet',
        weekAiredTimes: (n) => `Aired ${n} ${n === '1' ? 'time' : 'times'}`, weekOff: (name) => `Break: ${name}`,
        schoolFormTitle: 'Report an activity', activityKind: 'Activity', kindBroadcast: 'A broadcast',
        kindSession: 'A session or themed event', 'kind-BROADCAST_AIRED': 'Broadcast', 'kind-SESSION_HELD': 'Session',
        unitCode: 'Unit code', itemTitle: 'Title', airTime: 'Aired at', sessionTime: 'Held at',
        duration: 'Length', durationUnit: 'Length in', inMinutes: 'minutes', inSeconds: 'seconds',
        audience: 'Audience', 'audience-STUDENTS': 'Students', 'audience-TEACHERS': 'Teachers',
        'audience-STAFF': 'Staff', 'audience-PARENTS': 'Parents', participants: 'Participants',
        sendReport: 'Send the report', reported: (title) => `Recorded: “${title}”.`,
        reportedAgain: (title) => `“${title}” was already recorded; nothing was added.`,
        reportInvalid: 'Not recorded: please correct the fields shown.',
        reportForbidden: (unit) => `Refused (403): this account may not report for unit ${unit || '(empty)'}.`,
        reportConflict: 'Refused (409): this event id was already used for another report.',
        reportFailed: (status) => `Not recorded (error ${status}); please try again.`,
        reportUnreachable: 'The one-stop office system cannot be reached: the report was not sent; please try again.',
        schoolEventsTitle: 'What we reported, newest first', noReports: 'Nothing reported this year yet.',
        reportsForbidden: 'The list of reports cannot be read (403).', schoolPaging: 'Pages of the reports',
        lasting: (d) => `Length ${d}`, attended: (a, n) => `${a}, ${n} ${n === '1' ? 'person' : 'people'}`,
        switchTo: 'Tiếng Việt', switchLang: 'vi'
    }
};

export const t = (key, ...args) => {
    const value = TEXT[state.lang][key];
    return typeof value === 'function' ? value(...args) : value;
};

/** What an indicator counts, in words: "hồ sơ" whatever the number, "1 dossier" but "2 dossiers". */
export const word = (subject, n) => {
    const w = t('words')[subject];
    if (w === undefined) {
        return '';
    }
    return Array.isArray(w) ? w[n === 1 ? 0 : 1] : w;
};

const locale = () => (state.lang === 'vi' ? 'vi-VN' : 'en-GB');
export const number = (n) => new Intl.NumberFormat(locale()).format(n);
/** Points of the scorecard: up to 2 decimals, as the server rounds them. */
export const points = (v) => (v === null || v === undefined ? '—'
    : new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(v));
export const percent = (v) => (v === null || v === undefined ? '—'
    : new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(v) + '%');
export const dayText = (iso) => {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
};
/** A time the server sent (any offset), as read on the department's clock (UTC+07:00): "hh:mm dd/mm/yyyy". */
export const timeText = (iso) => {
    if (!iso) {
        return '—';
    }
    const at = new Date(Date.parse(iso) + 7 * 3600 * 1000);
    if (Number.isNaN(at.getTime())) {
        return iso;
    }
    const p = (n) => String(n).padStart(2, '0');
    return `${p(at.getUTCHours())}:${p(at.getUTCMinutes())} ${p(at.getUTCDate())}/${p(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;
};
/** An amount in VND: "120.000 ₫". */
export const money = (n) => new Intl.NumberFormat(locale(), { style: 'currency', currency: 'VND' }).format(n);

/** hh:mm:ss of a server time, on the department's clock (the server sends +07:00). */
export const clock = (iso) => iso.substring(11, 19);

/** PT15M -> "15 phút" / "15 min"; PT30S -> seconds. */
export function duration(iso) {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso || '');
    if (!m) {
        return iso;
    }
    const minutes = Number(m[1] || 0) * 60 + Number(m[2] || 0);
    return minutes > 0 ? t('minutes', number(minutes)) : t('seconds', number(Number(m[3] || 0)));
}

/** The static texts of the page (data-i18n, data-i18n-label), the switch and the title, in the chosen language. */
export function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach((node) => node.setAttribute('aria-label', t(node.dataset.i18nLabel)));
    const lang = $('lang');
    lang.textContent = t('switchTo');
    lang.lang = t('switchLang');
    document.title = t('title') + ' — ' + t('org');
}
