/** One indicator in detail: its trend (chart and table), the ranking of the units below, and the codes behind the number. */
import { state, latest } from './state.js';
import { $, el } from './dom.js';
import { t, number, percent, dayText } from './i18n.js';
import { json, failed } from './api.js';
import { scope } from './scope.js';
import { verdict } from './cards.js';
import { dossierButton } from './open.js';

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

/**
 * What the drill-down lists: a procedure's code, a unit's code (r2: 16 and 17), or a dossier's code, alone or behind a
 * payment's transaction; a dossier's code opens its timeline.
 */
function codeCell(item) {
    const td = el('td');
    if (item.procedureCode) {
        td.textContent = item.procedureCode;
    } else if (item.dossierCode) {
        if (item.transactionId) {
            td.append(`${item.transactionId} (`, dossierButton(item.dossierCode), ')');
        } else {
            td.append(dossierButton(item.dossierCode));
        }
    } else {
        td.textContent = item.unitCode || item.code || '—';
    }
    return td;
}

export async function refreshDrill(id) {
    const body = document.querySelector('#drill tbody');
    const setChoice = $('drill-set');
    // A denominator of people (adult-online-users: the adult population) cannot be listed, only the numerator's dossiers.
    const indicator = state.indicators.find((v) => v.id === id);
    const onlyNumerator = indicator !== undefined && indicator.subject === 'APPLICANT';
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
                tr.append(el('td', { class: 'num' }, String(drill.page * PAGE_SIZE + i + 1)), codeCell(item));
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
