// The public page: the department's and each district's figures against the plan, and a dossier look-up.
// No token, nothing per dossier beyond the public progress of a code the visitor already holds.
const TEXT = {
    vi: {
        org: 'Sở Giáo dục và Đào tạo Hải Phòng', title: 'Kết quả dịch vụ công trực tuyến so với kế hoạch',
        figuresTitle: 'Sở và các phòng giáo dục', year: 'Năm', unit: 'Đơn vị', target: 'chỉ tiêu',
        figuresHint: 'Tỷ lệ (%) từ ngày 1 tháng 1 đến nay; ✓ đạt chỉ tiêu của kế hoạch, ✗ chưa đạt.',
        lookupTitle: 'Tra cứu tiến độ hồ sơ', codeLabel: 'Mã hồ sơ', lookupButton: 'Tra cứu',
        notFound: 'Không tìm thấy hồ sơ có mã này.', failed: 'Không tải được dữ liệu, xin thử lại sau.',
        asOf: 'Số liệu lúc', lastEvent: 'cập nhật gần nhất', procedure: 'Thủ tục', stage: 'Tình trạng',
        submittedAt: 'Ngày nộp', dueAt: 'Hẹn trả', resultIssuedAt: 'Ngày có kết quả', onTime: 'Đúng hạn',
        yes: 'Có', no: 'Không', other: 'English'
    },
    en: {
        org: 'Hai Phong Department of Education and Training', title: 'Online public services against the plan',
        figuresTitle: 'The department and the district offices', year: 'Year', unit: 'Unit', target: 'target',
        figuresHint: 'Percentages from 1 January to date; ✓ meets the plan\'s target, ✗ does not yet.',
        lookupTitle: 'Follow a dossier', codeLabel: 'Dossier code', lookupButton: 'Look up',
        notFound: 'No dossier has this code.', failed: 'The figures could not be loaded; please try again later.',
        asOf: 'Figures as of', lastEvent: 'last update', procedure: 'Procedure', stage: 'Stage',
        submittedAt: 'Submitted', dueAt: 'Due', resultIssuedAt: 'Result issued', onTime: 'On time',
        yes: 'Yes', no: 'No', other: 'Tiếng Việt'
    }
};

let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
let data = null;
let dossierService = '';

const $ = id => document.getElementById(id);
const t = key => TEXT[lang][key];

function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
}

function time(iso) {
    return iso ? new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—';
}

function translate() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    $('lang').textContent = t('other');
    $('lang').lang = lang === 'vi' ? 'en' : 'vi';
    render();
}

function render() {
    if (!data) return;
    $('freshness').textContent = `${t('asOf')} ${time(data.asOf)}; ${t('lastEvent')} ${time(data.lastEventAt)}`;
    const table = $('figures');
    table.replaceChildren();
    const withTarget = data.units.length ? data.units[0].indicators.filter(i => i.target !== null) : [];
    const head = el('tr');
    head.append(el('th', t('unit')));
    withTarget.forEach(i => {
        const th = el('th', i.name[lang]);
        th.append(el('br'), el('small', `${t('target')} ${i.target}%`));
        head.append(th);
    });
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    data.units.forEach(u => {
        const row = el('tr', null, u.level === 'DEPARTMENT' ? 'department' : '');
        row.dataset.unit = u.code;
        row.append(el('td', u.name));
        withTarget.forEach(w => {
            const f = u.indicators.find(i => i.id === w.id);
            const cell = el('td', f && f.value !== null ? `${f.value}% ${f.met ? '✓' : '✗'}` : '—',
                f && f.value !== null ? (f.met ? 'met' : 'unmet') : '');
            cell.dataset.indicator = w.id;
            row.append(cell);
        });
        body.append(row);
    });
    table.append(thead, body);
}

async function load(year) {
    try {
        const response = await fetch(`/api/v1/public/indicators?year=${encodeURIComponent(year)}`);
        if (!response.ok) throw new Error(String(response.status));
        data = await response.json();
        render();
    } catch (e) {
        $('freshness').textContent = t('failed');
    }
}

async function lookUp(event) {
    event.preventDefault();
    const code = $('code').value.trim();
    const out = $('progress');
    out.hidden = true;
    $('lookup-error').textContent = '';
    const response = await fetch(`${dossierService}/api/v1/public/dossiers/${encodeURIComponent(code)}`).catch(() => null);
    if (!response || !response.ok) {
        $('lookup-error').textContent = response && response.status === 404 ? t('notFound') : t('failed');
        return;
    }
    const p = await response.json();
    out.replaceChildren();
    const add = (label, value) => out.append(el('dt', label), el('dd', value));
    add(t('procedure'), p.procedure ? p.procedure.name : '—');
    add(t('unit'), p.unit ? p.unit.name : '—');
    add(t('stage'), p.stageName ? p.stageName[lang] : p.stage);
    add(t('submittedAt'), time(p.submittedAt));
    add(t('dueAt'), time(p.dueAt));
    add(t('resultIssuedAt'), time(p.resultIssuedAt));
    add(t('onTime'), p.onTime === null || p.onTime === undefined ? '—' : (p.onTime ? t('yes') : t('no')));
    out.hidden = false;
}

async function start() {
    const thisYear = new Date().getFullYear();
    const select = $('year');
    for (let y = thisYear; y >= Math.max(2024, thisYear - 5); y--) select.append(new Option(String(y), String(y)));
    const asked = new URLSearchParams(location.search).get('year');
    if (asked) {
        if (![...select.options].some(o => o.value === asked)) select.append(new Option(asked, asked));
        select.value = asked;
    }
    select.addEventListener('change', () => load(select.value));
    $('lang').addEventListener('click', () => { lang = lang === 'vi' ? 'en' : 'vi'; translate(); });
    $('lookup').addEventListener('submit', lookUp);
    const config = await fetch('/api/v1/public/config').then(r => r.json()).catch(() => ({}));
    dossierService = config.dossierServiceUrl || '';
    translate();
    await load(select.value);
}

start();
