/** One indicator in detail: its trend (chart and table), the ranking of the units below, and the codes behind the number. */
import { state, latest } from './state.js';
import { $, el } from './dom.js';
import { t, number, percent, dayText, timeText } from './i18n.js';
import { json, failed } from './api.js';
import { scope } from './scope.js';
import { verdict } from './cards.js';
import { dossierButton } from './open.js';
import { saveFile } from './reports.js';
import { openTimeline } from './timeline.js';

const PAGE_SIZE = 20;

export function select(id, focus) {
    state.selected = id;
    $('indicator').value = id;
    state.page = 0;
    refreshDetail();
    if (focus) {
        $('detail-title').focus();
    }
}

export async function refreshDetail() {
    const id = $('indicator').value || state.selected;
    if (!id) {
        return;
    }
    state.selected = id;
    await Promise.all([refreshTrend(id), refreshRanking(id), refreshDrill(id)]);
}

export async function refreshTrend(id) {
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

/** Chart.js is the WebJar's UMD script (a global, loaded before this module); without it the table still says it all. */
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
            tr.append(el('td', { class: 'num' }, u.rank === null ? '—' : String(u.rank)), el('td', {}, `${u.name} (${u.code})`),
                el('td', { class: 'num' }, `${number(u.numerator)} / ${u.denominator === null ? '—' : number(u.denominator)}`),
                el('td', { class: 'num' }, percent(u.value)), el('td', {}, verdict(u)));
            return tr;
        }));
    } catch (error) {
        failed(error, $('trend-caption'));
    }
}

/** The columns of a drill-down's rows by subject: the API's field to sort by, and the heading's words. */
const COLUMNS = {
    DOSSIER: [['dossierCode', 'code'], ['procedureName', 'colProcedure'], ['unitName', 'colUnit'], ['submittedAt', 'colSubmitted'],
        ['receivedAt', 'colReceived'], ['due', 'colDue'], ['resultIssuedAt', 'colResult'], [null, 'colLate']],
    TRANSACTION: [['dossierCode', 'code'], ['procedureName', 'colProcedure'], ['unitName', 'colUnit'], ['paidAt', 'colPaid'],
        ['method', 'colMethod'], ['amount', 'colAmount']],
    PROCEDURE: [['procedureCode', 'code'], ['procedureName', 'colProcedure']],
    UNIT: [['unitCode', 'code'], ['unitName', 'colUnit']]
};

/** The list's sort (a field, '-' first for descending) and filters; kept across pages, reset with the indicator. */
const drillQuery = { sort: '', procedure: '', unitCode: '', id: null };

function codeCell(item) {
    const td = el('td');
    if (item.dossierCode) {
        if (item.transactionId) {
            td.append(`${item.transactionId} (`, dossierButton(item.dossierCode), ')');
        } else {
            td.append(dossierButton(item.dossierCode));
        }
    } else {
        td.textContent = item.procedureCode || item.unitCode || '—';
    }
    return td;
}

const named = (name, code) => (code ? (name ? `${name} (${code})` : code) : '—');

function lateText(item) {
    if (item.late === undefined || item.late === null) {
        return '—';
    }
    return item.late ? t('lateBy', number(item.workingDaysLate || 0)) : t('onTime');
}

function cells(subject, item) {
    switch (subject) {
    case 'TRANSACTION':
        return [codeCell(item), el('td', {}, named(item.procedureName, item.procedureCode)), el('td', {}, named(item.unitName, item.unitCode)),
            el('td', { class: 'nowrap' }, item.paidAt ? timeText(item.paidAt) : '—'), el('td', {}, item.method || '—'),
            el('td', { class: 'num' }, item.amount === undefined ? '—' : number(item.amount))];
    case 'PROCEDURE':
        return [codeCell(item), el('td', {}, item.procedureName || '—')];
    case 'UNIT':
        return [codeCell(item), el('td', {}, item.unitName || '—')];
    default: {
        const late = el('td', {}, lateText(item));
        if (item.late) {
            late.setAttribute('class', 'late');
        }
        return [codeCell(item), el('td', {}, named(item.procedureName, item.procedureCode)), el('td', {}, named(item.unitName, item.unitCode)),
            ...['submittedAt', 'receivedAt', 'due', 'resultIssuedAt'].map((f) => el('td', { class: 'nowrap' }, item[f] ? timeText(item[f]) : '—')),
            late];
    }
    }
}

/** The heading row of a subject: each sortable heading a button (CSP: no inline handler; the click is wired once). */
function headings(subject) {
    const tr = el('tr');
    tr.append(el('th', { scope: 'col' }, '#'));
    for (const [field, key] of COLUMNS[subject] || COLUMNS.DOSSIER) {
        const th = el('th', { scope: 'col' });
        // The code's heading says what the codes are (dossiers, procedures, payments), as before the table had columns.
        const words = key === 'code' ? (t('codeOf')[subject] || t('code')) : t(key);
        if (key === 'code') {
            th.setAttribute('id', 'drill-code');
        }
        if (field) {
            const sorted = drillQuery.sort.replace(/^-/, '') === field;
            th.setAttribute('aria-sort', sorted ? (drillQuery.sort.startsWith('-') ? 'descending' : 'ascending') : 'none');
            th.append(el('button', { type: 'button', class: 'link sort', 'data-sort': field }, words + (sorted ? (drillQuery.sort.startsWith('-') ? ' ▼' : ' ▲') : '')));
        } else {
            th.textContent = words;
        }
        tr.append(th);
    }
    return tr;
}

/** The list's own controls, built once beside the table: the filters and the two downloads. */
function drillTools() {
    if ($('drill-tools')) {
        return;
    }
    const tools = el('div', { id: 'drill-tools', class: 'filters' });
    const procedure = el('div', { class: 'field' });
    procedure.append(el('label', { for: 'drill-procedure' }, t('filterProcedure')), el('input', { id: 'drill-procedure', type: 'text', maxlength: '64' }));
    const unit = el('div', { class: 'field' });
    unit.append(el('label', { for: 'drill-unit' }, t('filterUnit')), el('select', { id: 'drill-unit' }));
    const buttons = el('div', { class: 'buttons' });
    buttons.append(el('button', { type: 'button', id: 'drill-csv', 'data-drill-format': 'csv' }, t('drillCsv')),
        el('button', { type: 'button', id: 'drill-xlsx', 'data-drill-format': 'xlsx' }, t('drillXlsx')), el('span', { id: 'drill-file', 'aria-live': 'polite' }));
    tools.append(procedure, unit, buttons);
    $('drill').closest('.scroll').before(tools);
    $('drill-procedure').addEventListener('change', () => { drillQuery.procedure = $('drill-procedure').value.trim(); state.page = 0; refreshDrill(state.selected); });
    $('drill-unit').addEventListener('change', () => { drillQuery.unitCode = $('drill-unit').value; state.page = 0; refreshDrill(state.selected); });
    buttons.addEventListener('click', (event) => {
        const button = event.target.closest('button[data-drill-format]');
        if (button) {
            const id = state.selected;
            saveFile(`/api/v1/indicators/${encodeURIComponent(id)}/dossiers`, { ...drillParams(), format: button.dataset.drillFormat },
                `chi-tieu-${id}.${button.dataset.drillFormat}`, $('drill-file'));
        }
    });
    document.querySelector('#drill thead').addEventListener('click', (event) => {
        const button = event.target.closest('button[data-sort]');
        if (button) {
            const field = button.dataset.sort;
            drillQuery.sort = drillQuery.sort === field ? '-' + field : field;
            state.page = 0;
            refreshDrill(state.selected);
        }
    });
    // A click anywhere on a dossier's row opens its timeline, as its code's button does (which the page already handles).
    document.querySelector('#drill tbody').addEventListener('click', (event) => {
        const row = event.target.closest('tr[data-dossier]');
        if (row && !event.target.closest('button')) {
            openTimeline(row.dataset.dossier, row.querySelector('button[data-dossier]'));
        }
    });
}

/** The units the filter offers: the scope's unit and every unit below it. */
function fillUnits() {
    const select = $('drill-unit');
    const root = $('unit').value;
    const inScope = (u) => {
        for (let c = u; c; c = state.units.find((x) => x.code === c.parentCode)) {
            if (!root || c.code === root) {
                return true;
            }
        }
        return false;
    };
    const options = [el('option', { value: '' }, t('anyUnit')), ...state.units.filter(inScope).map((u) => el('option', { value: u.code }, `${u.name} (${u.code})`))];
    select.replaceChildren(...options);
    select.value = drillQuery.unitCode;
    if (select.value !== drillQuery.unitCode) {
        drillQuery.unitCode = '';
    }
}

function drillParams() {
    return { ...scope(), set: $('drill-set').value, sort: drillQuery.sort, procedure: drillQuery.procedure, unitCode: drillQuery.unitCode };
}

export async function refreshDrill(id) {
    const body = document.querySelector('#drill tbody');
    const setChoice = $('drill-set');
    drillTools();
    if (drillQuery.id !== id) {
        // Another indicator lists other rows: its own order and filters.
        Object.assign(drillQuery, { sort: '', procedure: '', unitCode: '', id });
        $('drill-procedure').value = '';
    }
    fillUnits();
    // A denominator of people (adult-online-users: the adult population) cannot be listed, only the numerator's dossiers.
    const indicator = state.indicators.find((v) => v.id === id);
    const onlyNumerator = indicator !== undefined && indicator.subject === 'APPLICANT';
    [...setChoice.options].forEach((o) => { o.disabled = onlyNumerator && o.value !== 'numerator'; });
    if (onlyNumerator) {
        setChoice.value = 'numerator';
    }
    const current = latest('drill');
    try {
        const drill = await json(`/api/v1/indicators/${encodeURIComponent(id)}/dossiers`, { ...drillParams(), page: state.page, size: PAGE_SIZE });
        if (!current()) {
            return;
        }
        document.querySelector('#drill thead').replaceChildren(headings(drill.subject));
        const width = String((COLUMNS[drill.subject] || COLUMNS.DOSSIER).length + 1);
        const pages = Math.max(1, Math.ceil(drill.total / PAGE_SIZE));
        if (drill.items.length === 0) {
            const tr = el('tr');
            tr.append(el('td', { colspan: width }, t('noItems')));
            body.replaceChildren(tr);
        } else {
            body.replaceChildren(...drill.items.map((item, i) => {
                const tr = el('tr', item.dossierCode ? { 'data-dossier': item.dossierCode, class: 'clickable' } : {});
                tr.append(el('td', { class: 'num' }, String(drill.page * PAGE_SIZE + i + 1)), ...cells(drill.subject, item));
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
