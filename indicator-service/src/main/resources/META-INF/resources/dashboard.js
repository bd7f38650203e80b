/*
 * The officials' dashboard: the plan's indicators as cards, a period and unit picker, per indicator a trend,
 * the ranking of the units below and the codes behind the number, the reports, and live updates.
 * Plain JavaScript over the service's REST API; the token stays in this tab's sessionStorage and is sent
 * only in the Authorization header (the live stream is read with fetch, not EventSource, for that reason).
 */
(() => {
    'use strict';

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
            words: { DOSSIER: 'hồ sơ', TRANSACTION: 'giao dịch', PROCEDURE: 'thủ tục', APPLICANT: 'người' },
            detailTitle: 'Chi tiết một chỉ tiêu', indicator: 'Chỉ tiêu', granularity: 'Chia theo', day: 'Ngày', week: 'Tuần',
            monthly: 'Tháng', quarterly: 'Quý', trendTitle: 'Diễn biến theo thời gian', seriesTable: 'Bảng số liệu của biểu đồ',
            bucket: 'Kỳ', bucketValue: 'Trong kỳ (%)', cumulativeValue: 'Lũy kế (%)', targetLine: 'Mục tiêu (%)',
            trendCaption: (name, n) => `${name}: ${n} mốc, giá trị trong từng kỳ và lũy kế từ đầu kỳ báo cáo.`,
            rankingTitle: 'Xếp hạng các đơn vị trực thuộc', rank: 'Hạng', unitName: 'Đơn vị', value: 'Kết quả',
            verdict: 'Đánh giá', noUnits: 'Không có đơn vị trực thuộc.', drillTitle: 'Hồ sơ đằng sau con số',
            drillSet: 'Danh sách', setNumerator: 'Được tính vào tử số', setDenominator: 'Mẫu số',
            setGap: 'Chưa đạt (có trong mẫu số, không có trong tử số)', code: 'Mã',
            codeOf: { DOSSIER: 'Mã hồ sơ', TRANSACTION: 'Mã giao dịch (mã hồ sơ)', PROCEDURE: 'Mã thủ tục' },
            noItems: 'Không có mục nào.', prev: '‹ Trang trước', next: 'Trang sau ›', paging: 'Phân trang',
            pageInfo: (p, n, total) => `Trang ${p} / ${n} — ${total} mục`,
            reportsTitle: 'Báo cáo gửi Ủy ban nhân dân thành phố',
            reportsText: (y, u) => `Báo cáo năm ${y}, phạm vi: ${u}. Mỗi chỉ tiêu với kết quả, mục tiêu, đánh giá và xếp hạng các đơn vị trực thuộc.`,
            xlsx: 'Tải báo cáo Excel (XLSX)', csv: 'Tải báo cáo CSV', pdf: 'Tải báo cáo PDF',
            downloading: 'Đang tạo báo cáo…', downloaded: (f) => `Đã tải ${f}`, failed: (d) => `Không tải được: ${d}`,
            footer: 'Số liệu tính từ sự kiện của hệ thống một cửa và nền tảng thanh toán; giờ Việt Nam (UTC+07:00).',
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
                APPLICANT: ['adult', 'adults'] },
            detailTitle: 'One indicator in detail', indicator: 'Indicator', granularity: 'By', day: 'Day', week: 'Week',
            monthly: 'Month', quarterly: 'Quarter', trendTitle: 'Trend', seriesTable: 'The chart\'s figures',
            bucket: 'Period', bucketValue: 'In period (%)', cumulativeValue: 'Cumulative (%)', targetLine: 'Target (%)',
            trendCaption: (name, n) => `${name}: ${n} points, each period's value and the cumulative value since the start.`,
            rankingTitle: 'Ranking of the units below', rank: 'Rank', unitName: 'Unit', value: 'Value',
            verdict: 'Verdict', noUnits: 'No units below this one.', drillTitle: 'The dossiers behind the number',
            drillSet: 'List', setNumerator: 'Counted in the numerator', setDenominator: 'Denominator',
            setGap: 'Gap (in the denominator, not in the numerator)', code: 'Code',
            codeOf: { DOSSIER: 'Dossier code', TRANSACTION: 'Transaction (dossier)', PROCEDURE: 'Procedure code' },
            noItems: 'Nothing to list.', prev: '‹ Previous page', next: 'Next page ›', paging: 'Pages',
            pageInfo: (p, n, total) => `Page ${p} of ${n} — ${total} items`,
            reportsTitle: 'Report to the city People\'s Committee',
            reportsText: (y, u) => `Report for ${y}, scope: ${u}. Each indicator with its value, target, verdict, and the ranking of the units below.`,
            xlsx: 'Download the Excel report (XLSX)', csv: 'Download the CSV report', pdf: 'Download the PDF report',
            downloading: 'Preparing the report…', downloaded: (f) => `Downloaded ${f}`, failed: (d) => `Could not download: ${d}`,
            footer: 'Computed from the events of the one-stop office system and the payment platform; Vietnam time (UTC+07:00).',
            switchTo: 'Tiếng Việt', switchLang: 'vi'
        }
    };

    /** What each indicator counts: the words of "how many more" and of the drill-down. */
    const SUBJECT = {
        'procedures-fully-online': 'PROCEDURE', 'fully-online-on-national-portal': 'PROCEDURE',
        'fee-procedures-paid-online': 'PROCEDURE', 'online-payments': 'TRANSACTION', 'cashless-payments': 'TRANSACTION',
        'adult-online-users': 'APPLICANT'
    };
    const DEPARTMENT_OFFSET_MS = 7 * 3600 * 1000;
    const PAGE_SIZE = 20;
    const STATUS_EVERY_MS = 30000;

    const state = {
        lang: sessionStorage.getItem('dvc.lang') || 'vi',
        token: null,
        units: [],
        indicators: [],
        asOf: null,
        status: null,
        streamUp: false,
        selected: 'online-submission',
        page: 0,
        chart: null,
        stream: null,
        statusTimer: null,
        refreshTimer: null,
        refreshCards: false
    };

    const $ = (id) => document.getElementById(id);
    const t = (key, ...args) => {
        const value = TEXT[state.lang][key];
        return typeof value === 'function' ? value(...args) : value;
    };

    /** What an indicator counts, in words: "hồ sơ" whatever the number, "1 dossier" but "2 dossiers". */
    const word = (subject, n) => {
        const w = t('words')[subject];
        return Array.isArray(w) ? w[n === 1 ? 0 : 1] : w;
    };

    // --- numbers and dates, as people read them in the chosen language ---
    const locale = () => (state.lang === 'vi' ? 'vi-VN' : 'en-GB');
    const number = (n) => new Intl.NumberFormat(locale()).format(n);
    const percent = (v) => (v === null || v === undefined ? '—'
        : new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(v) + '%');
    const dayText = (iso) => {
        const [y, m, d] = iso.split('-');
        return state.lang === 'vi' ? `${d}/${m}/${y}` : `${d}/${m}/${y}`;
    };
    /** hh:mm:ss of a server time, on the department's clock (the server sends +07:00). */
    const clock = (iso) => iso.substring(11, 19);
    const todayIso = () => new Date(Date.now() + DEPARTMENT_OFFSET_MS).toISOString().substring(0, 10);
    const lastDay = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();
    const pad = (n) => String(n).padStart(2, '0');

    /**
     * How many more items meet the target: the smallest number of the denominator's items that, counted in
     * the numerator too, make the served value (rounded half-up to 2 decimals) reach the target, i.e.
     * ceil((target - 0.005) × denominator / 100) - numerator; 0 exactly when the target is met. The same
     * definition as the reports' (TargetGap on the server). Integer arithmetic in hundredths of a percent.
     */
    function needed(v) {
        if (v.target === null || v.denominator === null || v.denominator === 0) {
            return null;
        }
        const hundredths = Math.round(v.target * 100);
        return Math.max(0, Math.ceil((2 * hundredths - 1) * v.denominator / 20000) - v.numerator);
    }

    /** met; close: within 90% of the target; behind; none: no target or no value. */
    function standing(v) {
        if (v.target === null || v.value === null) {
            return 'none';
        }
        if (v.met) {
            return 'met';
        }
        return v.value >= 0.9 * v.target ? 'close' : 'behind';
    }

    // --- the API ---
    class HttpError extends Error {
        constructor(status, detail) {
            super(detail || `HTTP ${status}`);
            this.status = status;
        }
    }

    async function api(path, params, accept) {
        const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== null && v !== undefined && v !== ''));
        const response = await fetch(path + (query.toString() ? '?' + query : ''), {
            headers: { Authorization: 'Bearer ' + state.token, Accept: accept || 'application/json' }
        });
        if (!response.ok) {
            throw await problem(response);
        }
        return response;
    }

    async function problem(response) {
        let detail = '';
        try {
            const body = await response.json();
            detail = (body.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ') || body.detail || body.title || '';
        } catch (ignored) {
            // not problem+json
        }
        return new HttpError(response.status, detail);
    }

    async function json(path, params) {
        return (await api(path, params)).json();
    }

    function failed(error, where) {
        if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
            signOut(t(error.status === 401 ? 'expired' : 'forbidden'));
            return;
        }
        where.textContent = error instanceof HttpError ? error.message : t('unreachable');
    }

    // --- sign-in ---
    async function signIn(token) {
        state.token = token;
        $('sign-in-error').textContent = '';
        try {
            state.units = await json('/api/v1/units');
        } catch (error) {
            state.token = null;
            sessionStorage.removeItem('dvc.token');
            $('sign-in-error').textContent = error instanceof HttpError
                ? t(error.status === 403 ? 'forbidden' : 'badToken') : t('unreachable');
            return;
        }
        sessionStorage.setItem('dvc.token', token);
        $('sign-in').hidden = true;
        $('dashboard').hidden = false;
        $('sign-out').hidden = false;
        fillUnits();
        await refreshAll();
        connectStream();
        pollStatus();
    }

    function signOut(message) {
        state.token = null;
        sessionStorage.removeItem('dvc.token');
        if (state.stream) {
            state.stream.abort();
            state.stream = null;
        }
        clearTimeout(state.statusTimer);
        $('dashboard').hidden = true;
        $('sign-out').hidden = true;
        $('sign-in').hidden = false;
        $('token').value = '';
        $('sign-in-error').textContent = message || '';
        $('token').focus();
    }

    // --- period and unit ---
    function fillPickers() {
        const thisYear = Number(todayIso().substring(0, 4));
        const year = $('year');
        const chosenYear = year.value || String(thisYear);
        year.replaceChildren();
        for (let y = thisYear; y >= 2020; y--) {
            year.append(new Option(String(y), String(y)));
        }
        year.value = chosenYear;
        const month = $('month');
        const chosenMonth = month.value || todayIso().substring(5, 7);
        month.replaceChildren();
        for (let m = 1; m <= 12; m++) {
            month.append(new Option(state.lang === 'vi' ? `Tháng ${m}` : new Date(Date.UTC(2000, m - 1, 1))
                .toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }), pad(m)));
        }
        month.value = chosenMonth;
        if (!$('quarter').dataset.chosen) {
            $('quarter').value = String(Math.floor((Number(chosenMonth) - 1) / 3) + 1);
            $('quarter').dataset.chosen = 'yes';
        }
    }

    function fillUnits() {
        const unit = $('unit');
        const chosen = unit.value;
        const depth = {};
        unit.replaceChildren(new Option(t('allUnits'), ''));
        for (const u of state.units) {
            depth[u.code] = u.parentCode && depth[u.parentCode] !== undefined ? depth[u.parentCode] + 1 : 0;
            // Indented by depth: a select reads the tree top to bottom, and stays keyboard-usable.
            unit.append(new Option('\u00a0\u00a0\u00a0'.repeat(depth[u.code]) + (depth[u.code] ? '└ ' : '') + u.name, u.code));
        }
        unit.value = chosen;
    }

    /** The period chosen: [from, to] as ISO dates, clipped to today (so "this year" is the live stream's scope). */
    function period() {
        const kind = $('period-kind').value;
        const year = Number($('year').value);
        let from;
        let to;
        if (kind === 'custom') {
            from = $('from').value;
            to = $('to').value;
        } else if (kind === 'quarter') {
            const q = Number($('quarter').value);
            from = `${year}-${pad(3 * q - 2)}-01`;
            to = `${year}-${pad(3 * q)}-${lastDay(year, 3 * q)}`;
        } else if (kind === 'month') {
            const m = Number($('month').value);
            from = `${year}-${pad(m)}-01`;
            to = `${year}-${pad(m)}-${lastDay(year, m)}`;
        } else {
            from = `${year}-01-01`;
            to = `${year}-12-31`;
        }
        const today = todayIso();
        if (to > today && from <= today) {
            to = today;
        }
        return { from, to };
    }

    function scope() {
        return { ...period(), unit: $('unit').value };
    }

    /** Whether the view is the live stream's own scope: this year to today, every unit. */
    function isStreamScope() {
        const s = scope();
        const today = todayIso();
        return s.unit === '' && s.from === today.substring(0, 4) + '-01-01' && s.to === today;
    }

    function showPeriodFields() {
        const kind = $('period-kind').value;
        $('year-field').hidden = kind === 'custom';
        $('quarter-field').hidden = kind !== 'quarter';
        $('month-field').hidden = kind !== 'month';
        $('from-field').hidden = kind !== 'custom';
        $('to-field').hidden = kind !== 'custom';
        if (kind === 'custom' && !$('from').value) {
            const p = { from: `${$('year').value}-01-01`, to: `${$('year').value}-12-31` };
            $('from').value = p.from;
            $('to').value = p.to > todayIso() ? todayIso() : p.to;
        }
    }

    // --- the cards ---
    async function refreshCards() {
        const s = scope();
        $('period-text').textContent = t('period', dayText(s.from), dayText(s.to));
        $('filter-error').textContent = '';
        if (!s.from || !s.to || s.from > s.to) {
            $('filter-error').textContent = t('fromAfterTo');
            return;
        }
        const current = latest('cards');
        try {
            const response = await json('/api/v1/indicators', s);
            if (!current()) {
                return;
            }
            state.indicators = response.indicators;
            markUpdated(response.asOf);
            renderCards();
        } catch (error) {
            failed(error, $('filter-error'));
        }
    }

    function markUpdated(asOf) {
        state.asOf = asOf;
        $('updated').textContent = t('updated', clock(asOf));
    }

    function renderCards() {
        const list = $('cards');
        list.replaceChildren();
        for (const v of state.indicators) {
            list.append(card(v));
        }
        const indicator = $('indicator');
        const chosen = indicator.value || state.selected;
        indicator.replaceChildren(...state.indicators.map((v) => new Option(v.name[state.lang], v.id)));
        indicator.value = chosen;
    }

    function card(v) {
        const kind = standing(v);
        const subject = SUBJECT[v.id] || 'DOSSIER';
        const name = v.name[state.lang];
        const li = el('li', { class: `card ${kind}`, 'data-indicator': v.id });
        const title = el('h3');
        const open = el('button', { type: 'button', class: 'link', 'aria-label': t('showDetail', name) }, name);
        open.addEventListener('click', () => select(v.id, true));
        title.append(open);
        li.append(title);
        const figure = el('p', { class: 'figure' });
        figure.append(el('span', { class: 'value' }, percent(v.value)),
            el('span', { class: 'target' }, v.target === null ? t('noTarget') : t('target', percent(v.target))));
        li.append(figure);
        const fill = Math.max(0, Math.min(100, v.value || 0));
        const bar = el('div', {
            class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
            'aria-valuenow': String(v.value === null ? 0 : v.value), 'aria-valuetext': percent(v.value), 'aria-label': t('progress', name)
        });
        bar.append(el('span', { class: 'fill', style: `width:${fill}%` }));
        if (v.target !== null) {
            bar.append(el('span', { class: 'mark', style: `left:calc(${Math.min(100, v.target)}% - 1px)`, 'aria-hidden': 'true' }));
        }
        li.append(bar);
        li.append(el('p', { class: 'state' }, kind === 'none' ? (v.target === null ? t('noTarget') : t('noData')) : t(kind)));
        li.append(el('p', { class: 'counts' }, v.denominator === null
            ? `${number(v.numerator)} ${word(subject, v.numerator)} — ${t('unknownDenominator')}`
            : t('ofWhich', number(v.numerator), number(v.denominator), word(subject, v.denominator))));
        const k = needed(v);
        if (k !== null) {
            li.append(el('p', { class: 'needed' }, k === 0 ? t('reached') : t('needed', number(k), word(subject, k))));
        }
        return li;
    }

    function el(tag, attributes, text) {
        const node = document.createElement(tag);
        Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    // --- one indicator: trend, ranking, drill-down ---
    function select(id, focus) {
        state.selected = id;
        $('indicator').value = id;
        state.page = 0;
        refreshDetail();
        if (focus) {
            $('detail-title').focus();
        }
    }

    /**
     * Answers may come back out of order (a slow one for the scope or page chosen before): each part of the page
     * draws only the answer to its latest request. Returns whether this request is still the latest of its part.
     */
    function latest(part) {
        state.tickets = state.tickets || {};
        const ticket = (state.tickets[part] = (state.tickets[part] || 0) + 1);
        return () => ticket === state.tickets[part];
    }

    async function refreshDetail() {
        const id = $('indicator').value || state.selected;
        if (!id) {
            return;
        }
        state.selected = id;
        await Promise.all([refreshTrend(id), refreshRanking(id), refreshDrill(id)]);
    }

    async function refreshTrend(id) {
        const current = latest('trend');
        try {
            const series = await json(`/api/v1/indicators/${encodeURIComponent(id)}/series`,
                { ...scope(), granularity: $('granularity').value });
            if (!current()) {
                return;
            }
            const indicator = state.indicators.find((v) => v.id === id);
            const target = indicator ? indicator.target : null;
            const labels = series.buckets.map((b) => dayText(b.start));
            $('trend-caption').textContent = t('trendCaption', series.name[state.lang], series.buckets.length);
            $('trend').setAttribute('aria-label', t('trendCaption', series.name[state.lang], series.buckets.length));
            const rows = series.buckets.map((b) => {
                const tr = el('tr');
                tr.append(el('td', {}, `${dayText(b.start)} – ${dayText(b.end)}`),
                    el('td', { class: 'num' }, `${number(b.bucket.numerator)} / ${b.bucket.denominator === null ? '—' : number(b.bucket.denominator)}`),
                    el('td', { class: 'num' }, percent(b.bucket.value)), el('td', { class: 'num' }, percent(b.cumulative.value)));
                return tr;
            });
            document.querySelector('#series tbody').replaceChildren(...rows);
            drawChart(labels, series.buckets, target);
        } catch (error) {
            failed(error, $('trend-caption'));
        }
    }

    function drawChart(labels, buckets, target) {
        if (typeof Chart === 'undefined') {
            return;
        }
        const datasets = [
            { label: t('cumulativeValue'), data: buckets.map((b) => b.cumulative.value), borderColor: '#0b4f8a',
                backgroundColor: '#0b4f8a', borderWidth: 3, tension: 0.2, spanGaps: true },
            { label: t('bucketValue'), data: buckets.map((b) => b.bucket.value), borderColor: '#6b7280',
                backgroundColor: '#6b7280', borderDash: [4, 4], borderWidth: 2, tension: 0.2, spanGaps: true }
        ];
        if (target !== null) {
            datasets.push({ label: t('targetLine'), data: buckets.map(() => target), borderColor: '#b0261c',
                backgroundColor: '#b0261c', borderWidth: 2, pointRadius: 0 });
        }
        if (state.chart) {
            state.chart.destroy();
        }
        state.chart = new Chart($('trend'), {
            type: 'line',
            data: { labels, datasets },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                scales: { y: { min: 0, max: 100, ticks: { callback: (v) => v + '%' } } },
                plugins: { legend: { position: 'bottom' } }
            }
        });
    }

    async function refreshRanking(id) {
        const body = document.querySelector('#ranking tbody');
        const current = latest('ranking');
        try {
            const ranking = await json(`/api/v1/indicators/${encodeURIComponent(id)}/units`, scope());
            if (!current()) {
                return;
            }
            if (ranking.units.length === 0) {
                const tr = el('tr');
                tr.append(el('td', { colspan: '5' }, t('noUnits')));
                body.replaceChildren(tr);
                return;
            }
            body.replaceChildren(...ranking.units.map((u) => {
                const tr = el('tr', { 'data-unit': u.code });
                const kind = standing(u);
                tr.append(el('td', { class: 'num' }, u.rank === null ? '—' : String(u.rank)), el('td', {}, `${u.name} (${u.code})`),
                    el('td', { class: 'num' }, `${number(u.numerator)} / ${u.denominator === null ? '—' : number(u.denominator)}`),
                    el('td', { class: 'num' }, percent(u.value)),
                    el('td', {}, kind === 'none' ? (u.target === null ? t('noTarget') : t('noData')) : t(kind)));
                return tr;
            }));
        } catch (error) {
            failed(error, $('trend-caption'));
        }
    }

    async function refreshDrill(id) {
        const body = document.querySelector('#drill tbody');
        const setChoice = $('drill-set');
        // adult-online-users has a population as its denominator: only its numerator can be listed.
        const onlyNumerator = id === 'adult-online-users';
        [...setChoice.options].forEach((o) => { o.disabled = onlyNumerator && o.value !== 'numerator'; });
        if (onlyNumerator) {
            setChoice.value = 'numerator';
        }
        const current = latest('drill');
        try {
            const drill = await json(`/api/v1/indicators/${encodeURIComponent(id)}/dossiers`,
                { ...scope(), set: setChoice.value, page: state.page, size: PAGE_SIZE });
            if (!current()) {
                return;
            }
            $('drill-code').textContent = t('codeOf')[drill.subject] || t('code');
            const pages = Math.max(1, Math.ceil(drill.total / PAGE_SIZE));
            if (drill.items.length === 0) {
                const tr = el('tr');
                tr.append(el('td', { colspan: '2' }, t('noItems')));
                body.replaceChildren(tr);
            } else {
                body.replaceChildren(...drill.items.map((item, i) => {
                    const tr = el('tr');
                    const code = item.procedureCode || (item.transactionId ? `${item.transactionId} (${item.dossierCode})` : item.dossierCode);
                    tr.append(el('td', { class: 'num' }, String(drill.page * PAGE_SIZE + i + 1)), el('td', {}, code));
                    return tr;
                }));
            }
            $('page-info').textContent = t('pageInfo', number(drill.page + 1), number(pages), number(drill.total));
            $('prev').disabled = drill.page === 0;
            $('next').disabled = drill.page + 1 >= pages;
        } catch (error) {
            failed(error, $('page-info'));
        }
    }

    // --- reports ---
    function describeReports() {
        const unit = state.units.find((u) => u.code === $('unit').value);
        $('reports-text').textContent = t('reportsText', reportYear(), unit ? unit.name : t('allUnits'));
    }

    /** The report covers a year: the year of the period's end. */
    const reportYear = () => period().to.substring(0, 4);

    async function download(format) {
        $('report-state').textContent = t('downloading');
        try {
            const response = await api('/api/v1/reports/plan', { year: reportYear(), unit: $('unit').value, format }, '*/*');
            const disposition = response.headers.get('Content-Disposition') || '';
            const match = /filename="([^"]+)"/.exec(disposition);
            const filename = match ? match[1] : `bao-cao.${format}`;
            const url = URL.createObjectURL(await response.blob());
            const link = el('a', { href: url, download: filename });
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 60000);
            $('report-state').textContent = t('downloaded', filename);
        } catch (error) {
            failed(error, $('report-state'));
            if (error instanceof HttpError && error.status !== 401 && error.status !== 403) {
                $('report-state').textContent = t('failed', error.message);
            }
        }
    }

    // --- live: the stream, and the freshness of the data ---
    async function connectStream() {
        if (!state.token || state.stream) {
            return;
        }
        const controller = new AbortController();
        state.stream = controller;
        setStream('connecting');
        let retry = 3000;
        while (state.stream === controller) {
            try {
                const response = await fetch('/api/v1/indicators/stream', {
                    headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' }, signal: controller.signal
                });
                if (response.status === 401 || response.status === 403) {
                    signOut(t(response.status === 401 ? 'expired' : 'forbidden'));
                    return;
                }
                if (!response.ok || !response.body) {
                    throw new Error('HTTP ' + response.status);
                }
                setStream('live');
                retry = 3000;
                await readEvents(response.body, onLive);
            } catch (error) {
                if (controller.signal.aborted) {
                    return;
                }
            }
            if (state.stream !== controller) {
                return;
            }
            setStream('down');
            await new Promise((resolve) => setTimeout(resolve, retry));
            retry = Math.min(retry * 2, 30000);
        }
    }

    /** Server-Sent Events from a byte stream: each event's data lines, joined, to {@code handle}. */
    async function readEvents(body, handle) {
        const reader = body.getReader();
        const decoder = new TextDecoder('utf-8');
        let buffer = '';
        for (;;) {
            const { value, done } = await reader.read();
            if (done) {
                return;
            }
            buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.substring(0, end);
                buffer = buffer.substring(end + 2);
                const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.substring(5).trim()).join('\n');
                if (data) {
                    handle(JSON.parse(data));
                }
            }
        }
    }

    /**
     * The stream carries the stream's scope: its changed cards are replaced at once when that is the view,
     * otherwise the message is a cue to re-read the cards. The detail below follows, at most every 2 s.
     */
    function onLive(message) {
        if (isStreamScope() && state.indicators.length) {
            const changed = new Map(message.indicators.map((v) => [v.id, v]));
            state.indicators = state.indicators.map((v) => changed.get(v.id) || v);
            markUpdated(message.asOf);
            renderCards();
            scheduleRefresh(false);
        } else {
            scheduleRefresh(true);
        }
        pollStatus();
    }

    /** Throttled, not debounced: under a steady flow of events the view is still re-read every 2 s. */
    function scheduleRefresh(cards) {
        state.refreshCards = state.refreshCards || cards;
        if (state.refreshTimer) {
            return;
        }
        state.refreshTimer = setTimeout(async () => {
            const withCards = state.refreshCards;
            state.refreshTimer = null;
            state.refreshCards = false;
            if (withCards) {
                await refreshCards();
            }
            await refreshDetail();
        }, 2000);
    }

    function setStream(mode) {
        state.streamUp = mode === 'live';
        const node = $('stream-state');
        node.className = mode === 'live' ? 'live' : mode === 'down' ? 'down' : '';
        node.dataset.mode = mode;
        node.textContent = t(mode === 'live' ? 'streamLive' : mode === 'down' ? 'streamDown' : 'streamConnecting');
    }

    async function pollStatus() {
        clearTimeout(state.statusTimer);
        if (!state.token) {
            return;
        }
        try {
            const status = await json('/api/v1/dashboard/status');
            const previous = state.status;
            state.status = status;
            renderStatus();
            // An event the stream cannot show (another period or unit): re-read the view.
            if (previous && previous.lastEventAt !== status.lastEventAt && !isStreamScope()) {
                scheduleRefresh(true);
            }
        } catch (error) {
            if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
                failed(error, $('stale'));
                return;
            }
        }
        state.statusTimer = setTimeout(pollStatus, STATUS_EVERY_MS);
    }

    function renderStatus() {
        const status = state.status;
        if (!status) {
            return;
        }
        const limit = duration(status.staleAfter);
        const last = status.lastEventAt ? `${clock(status.lastEventAt)} ${dayText(status.lastEventAt.substring(0, 10))}` : null;
        $('last-event').textContent = last ? t('lastEvent', last) : t('noEvent');
        const stale = $('stale');
        stale.hidden = !status.stale;
        stale.textContent = status.stale ? (last ? t('stale', last, limit) : t('staleNever', limit)) : '';
        // The server's consumer has closed, holds no partition or has stalled: fresh-looking numbers are not moving.
        const stopped = $('not-counting');
        const counting = status.counting !== false;
        stopped.hidden = counting;
        stopped.textContent = counting ? '' : t('notCounting', status.consumer ? status.consumer.state : '', status.consumer ? status.consumer.lag : 0);
    }

    /** PT15M -> "15 phút" / "15 min"; PT30S -> seconds. */
    function duration(iso) {
        const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso || '');
        if (!m) {
            return iso;
        }
        const minutes = Number(m[1] || 0) * 60 + Number(m[2] || 0);
        return minutes > 0 ? t('minutes', number(minutes)) : t('seconds', number(Number(m[3] || 0)));
    }

    // --- language ---
    function applyLanguage() {
        document.documentElement.lang = state.lang;
        document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
        document.querySelectorAll('[data-i18n-label]').forEach((node) => node.setAttribute('aria-label', t(node.dataset.i18nLabel)));
        const lang = $('lang');
        lang.textContent = t('switchTo');
        lang.lang = t('switchLang');
        document.title = t('title') + ' — ' + t('org');
    }

    async function refreshAll() {
        describeReports();
        await refreshCards();
        await refreshDetail();
    }

    function onScopeChange() {
        state.page = 0;
        $('report-state').textContent = '';
        describeReports();
        refreshCards().then(refreshDetail);
    }

    function start() {
        applyLanguage();
        fillPickers();
        $('lang').addEventListener('click', () => {
            state.lang = state.lang === 'vi' ? 'en' : 'vi';
            sessionStorage.setItem('dvc.lang', state.lang);
            applyLanguage();
            fillPickers();
            if (state.token) {
                fillUnits();
                setStream(state.stream ? (state.streamUp ? 'live' : 'down') : 'down');
                if (state.asOf) {
                    markUpdated(state.asOf);
                }
                renderStatus();
                renderCards();
                refreshAll();
            }
        });
        $('sign-in-form').addEventListener('submit', (event) => {
            event.preventDefault();
            signIn($('token').value.trim());
        });
        $('sign-out').addEventListener('click', () => signOut(''));
        $('period-kind').addEventListener('change', () => { showPeriodFields(); onScopeChange(); });
        ['year', 'quarter', 'month', 'from', 'to', 'unit'].forEach((id) => $(id).addEventListener('change', onScopeChange));
        $('indicator').addEventListener('change', () => select($('indicator').value, false));
        $('granularity').addEventListener('change', () => refreshTrend($('indicator').value));
        $('drill-set').addEventListener('change', () => { state.page = 0; refreshDrill($('indicator').value); });
        $('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); refreshDrill($('indicator').value); });
        $('next').addEventListener('click', () => { state.page += 1; refreshDrill($('indicator').value); });
        document.querySelectorAll('button.report').forEach((b) => b.addEventListener('click', () => download(b.dataset.format)));

        // ?token=... signs in once, then leaves the address bar (and the history) without it.
        const url = new URL(window.location.href);
        const fromUrl = url.searchParams.get('token');
        if (fromUrl) {
            url.searchParams.delete('token');
            window.history.replaceState(null, '', url.pathname + url.search + url.hash);
        }
        const token = fromUrl || sessionStorage.getItem('dvc.token');
        if (token) {
            signIn(token);
        } else {
            $('token').focus();
        }
    }

    start();
})();
