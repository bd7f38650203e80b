/**
 * The "Chỉ số 766 (ước tính)" view: the national scorecard of Decision 766/QĐ-TTg as this system estimates it for the
 * chosen period and unit (GET /api/v1/scorecard, /scorecard/units, /scorecard/series). The total and each group as a
 * gauge, each criterion's points, points lost and how many more would win them back (with a click to the gap list of
 * its indicator, in the detail below), the criteria not computed with the data they need, the units below ranked, and
 * the total month by month. Every number is the server's: the page adds nothing but the drawing.
 */
import { state, latest } from './state.js';
import { $, el } from './dom.js';
import { t, word, number, points, percent, dayText } from './i18n.js';
import { json, failed, HttpError } from './api.js';
import { scope } from './scope.js';

const SVG = 'http://www.w3.org/2000/svg';
/** The gauges' ring: radius 50 in a 120 × 120 box. */
const RADIUS = 50;
const RING = 2 * Math.PI * RADIUS;

function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
    return node;
}

const name = (label) => (label ? label[state.lang] || label.vi : '');

/**
 * The definition's total: the answer's maxPoints, or (an older server) its groups' points and those of the not-computed
 * items outside them, which the definition's table adds up to.
 */
function totalMax(card) {
    if (card.maxPoints !== undefined && card.maxPoints !== null) {
        return card.maxPoints;
    }
    const groups = new Set(card.groups.map((g) => g.id));
    return card.groups.reduce((sum, g) => sum + g.maxPoints, 0)
        + card.notComputed.filter((n) => !groups.has(n.id.split(/[.-]/)[0])).reduce((sum, n) => sum + n.maxPoints, 0);
}

/** Nothing drawn: no points of another scope may stay beside the one chosen. */
function clear() {
    $('scorecard-text').textContent = '';
    ['scorecard-gauges', 'scorecard-missing', 'scorecard-trend'].forEach((id) => $(id).replaceChildren());
    ['scorecard-criteria', 'scorecard-units', 'scorecard-series'].forEach((id) => $(id).querySelector('tbody').replaceChildren());
    $('scorecard-trend-caption').textContent = '';
}

export async function refreshScorecard() {
    const s = scope();
    const current = latest('scorecard');
    $('scorecard-error').textContent = '';
    if (!s.from || !s.to || s.from > s.to) {
        clear();
        return;
    }
    try {
        const [card, units, series] = await Promise.all([json('/api/v1/scorecard', s), json('/api/v1/scorecard/units', s),
            json('/api/v1/scorecard/series', s)]);
        if (current()) {
            renderScorecard(card, units, series);
        }
    } catch (error) {
        if (!current()) {
            return;
        }
        clear();
        // A year before any definition: the server has none to score it by (section 10).
        if (error instanceof HttpError && error.status === 404) {
            $('scorecard-error').textContent = t('scorecardNone', s.to.substring(0, 4));
        } else {
            failed(error, $('scorecard-error'));
        }
    }
}

function renderScorecard(card, units, series) {
    const unit = state.units.find((u) => u.code === card.unit);
    const max = totalMax(card);
    $('scorecard-text').textContent = t('scorecardText', card.version, card.definitionYear, dayText(card.from), dayText(card.to),
        unit ? unit.name : t('allUnits'));
    const gauges = [gauge('total', t('scorecardTotal'), card.earned, card.possible, max)];
    card.groups.forEach((g) => gauges.push(gauge(g.id, `${g.id}. ${name(g.name)}`, g.earned, g.possible, g.maxPoints)));
    $('scorecard-gauges').replaceChildren(...gauges);
    renderCriteria(card.groups);
    renderMissing(card.notComputed);
    renderUnits(units.units, card.groups);
    renderTrend(series.buckets, max);
}

/**
 * One gauge: a ring whose full turn is the maxPoints, the points computable (possible) in a pale arc and those earned
 * over it; the same in words beside it, which is what a screen reader reads (the drawing is hidden from it).
 */
function gauge(id, title, earned, possible, max) {
    const li = el('li', { class: id === 'total' ? 'gauge total' : 'gauge', 'data-group': id });
    const drawing = svg('svg', { viewBox: '0 0 120 120', class: 'ring', 'aria-hidden': 'true', focusable: 'false' });
    const share = (v) => (max > 0 ? Math.max(0, Math.min(1, v / max)) : 0);
    drawing.append(svg('circle', { class: 'track', cx: 60, cy: 60, r: RADIUS }),
        svg('circle', { class: 'possible', cx: 60, cy: 60, r: RADIUS, transform: 'rotate(-90 60 60)',
            'stroke-dasharray': `${(RING * share(possible)).toFixed(2)} ${RING.toFixed(2)}` }),
        svg('circle', { class: 'earned', cx: 60, cy: 60, r: RADIUS, transform: 'rotate(-90 60 60)',
            'stroke-dasharray': `${(RING * share(earned)).toFixed(2)} ${RING.toFixed(2)}` }));
    const figure = svg('text', { x: 60, y: 66, 'text-anchor': 'middle', class: 'ring-figure' });
    figure.textContent = points(earned);
    drawing.append(figure);
    const words = el('div', { class: 'gauge-words' });
    words.append(el('h3', { class: 'gauge-title' }, title), el('p', { class: 'gauge-text' }, t('gaugeText', points(earned),
        points(possible), points(max))));
    if (possible < max) {
        words.append(el('p', { class: 'gauge-note' }, t('gaugeLeftOut', points(max - possible))));
    }
    li.append(drawing, words);
    return li;
}

function renderCriteria(groups) {
    const rows = [];
    groups.forEach((g) => {
        const head = el('tr', { class: 'group-row' });
        head.append(el('th', { scope: 'colgroup', colspan: '7' }, `${g.id}. ${name(g.name)} — ${t('gaugeText', points(g.earned),
            points(g.possible), points(g.maxPoints))}`));
        rows.push(head);
        g.criteria.forEach((c) => rows.push(criterionRow(c)));
    });
    $('scorecard-criteria').querySelector('tbody').replaceChildren(...rows);
}

/** A cell that says its column too: on a phone the table's rows become cards, each cell under its heading's words. */
function cell(label, attributes, text) {
    return el('td', { ...attributes, 'data-label': t(label) }, text);
}

function criterionRow(c) {
    const tr = el('tr', { 'data-criterion': c.id, 'data-indicator': c.indicator });
    const indicator = name(c.name) || c.indicator;
    tr.append(cell('criterion', { class: 'criterion-id' }, c.id), cell('indicator', {}, indicator));
    const value = cell('criterionValue', { class: 'num' }, `${percent(c.value)} / ${percent(c.fullAt)}`);
    if (c.numerator !== null && c.numerator !== undefined && c.denominator !== null && c.denominator !== undefined) {
        value.append(el('span', { class: 'sub' }, `${number(c.numerator)} / ${number(c.denominator)} ${word(c.subject, c.denominator)}`));
    }
    tr.append(value);
    if (c.value === null) {
        tr.append(cell('criterionPoints', { class: 'num' }, `— / ${points(c.maxPoints)}`),
            el('td', { colspan: '3', class: 'no-value' }, t('noValue')));
        return tr;
    }
    tr.append(cell('criterionPoints', { class: 'num points' }, `${points(c.points)} / ${points(c.maxPoints)}`),
        cell('pointsLost', { class: c.pointsLost > 0 ? 'num lost' : 'num' }, points(c.pointsLost)),
        cell('neededForFull', { class: 'num needed' }, c.needed === 0 ? t('fullPoints')
            : c.needed === null || c.needed === undefined ? '—' : t('plus', number(c.needed), word(c.subject, c.needed))));
    const gap = el('td', { class: 'gap' });
    // Only where points were lost: the gap list is then the dossiers (or procedures, payments) behind them.
    if (c.pointsLost > 0) {
        gap.append(el('button', { type: 'button', class: 'link', 'data-gap': c.indicator, 'aria-label': t('showGap', c.id, indicator) },
            t('gapButton')));
    }
    tr.append(gap);
    return tr;
}

function renderMissing(items) {
    $('scorecard-missing').replaceChildren(...items.map((n) => {
        const li = el('li', { 'data-item': n.id });
        li.append(el('strong', {}, `${n.id}. ${name(n.name)}`), ` — ${t('pointsOf', points(n.maxPoints))}. `,
            el('span', { class: 'needs' }, t('dataNeeded', name(n.dataNeeded))));
        return li;
    }));
}

function renderUnits(units, groups) {
    const head = $('scorecard-units').querySelector('thead tr');
    const cols = [el('th', { scope: 'col', class: 'num' }, t('rank')), el('th', { scope: 'col' }, t('unitName')),
        el('th', { scope: 'col', class: 'num' }, t('scorecardTotal'))];
    groups.forEach((g) => cols.push(el('th', { scope: 'col', class: 'num', title: name(g.name) }, t('groupShort', g.id))));
    head.replaceChildren(...cols);
    const body = $('scorecard-units').querySelector('tbody');
    if (units.length === 0) {
        const tr = el('tr');
        tr.append(el('td', { colspan: String(3 + groups.length) }, t('noUnits')));
        body.replaceChildren(tr);
        return;
    }
    body.replaceChildren(...units.map((u) => {
        const tr = el('tr', { 'data-unit': u.code });
        const label = `${u.name} (${u.code})`;
        const unitCell = el('td');
        unitCell.append(el('button', { type: 'button', class: 'link', 'data-unit': u.code, 'aria-label': t('moveScorecard', label) }, label));
        tr.append(el('td', { class: 'num' }, String(u.rank)), unitCell,
            el('td', { class: 'num total' }, `${points(u.earned)} / ${points(u.possible)}`));
        const byId = new Map(u.groups.map((g) => [g.id, g]));
        groups.forEach((g) => {
            const own = byId.get(g.id);
            tr.append(el('td', { class: 'num' }, own ? `${points(own.earned)} / ${points(own.possible)}` : '—'));
        });
        return tr;
    }));
}

/** Month by month: a bar per month of the points earned, over a pale one of the points computable; the table says the same. */
function renderTrend(buckets, max) {
    const width = 600;
    const height = 180;
    const top = 10;
    const bottom = 24;
    const plot = height - top - bottom;
    const step = buckets.length > 0 ? width / buckets.length : width;
    const years = new Set(buckets.map((b) => b.from.substring(0, 4)));
    const drawing = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'trend-bars', role: 'img',
        'aria-label': t('scorecardTrendCaption', buckets.length, points(max)) });
    drawing.append(svg('line', { class: 'axis', x1: 0, y1: top + plot, x2: width, y2: top + plot }),
        svg('line', { class: 'axis full', x1: 0, y1: top, x2: width, y2: top }));
    buckets.forEach((b, i) => {
        const x = i * step + step * 0.15;
        const w = step * 0.7;
        const bar = (v, cls) => {
            const h = max > 0 ? plot * Math.max(0, Math.min(1, v / max)) : 0;
            return svg('rect', { class: cls, x: x.toFixed(2), y: (top + plot - h).toFixed(2), width: w.toFixed(2), height: h.toFixed(2) });
        };
        if (b.possible !== null && b.possible !== undefined) {
            drawing.append(bar(b.possible, 'possible'));
        }
        if (b.earned !== null && b.earned !== undefined) {
            const earned = bar(b.earned, 'earned');
            const figure = svg('text', { x: (i * step + step / 2).toFixed(2), y: (Number(earned.getAttribute('y')) - 3).toFixed(2),
                'text-anchor': 'middle', class: 'bar-figure' });
            figure.textContent = points(b.earned);
            drawing.append(earned, figure);
        }
        const label = svg('text', { x: (i * step + step / 2).toFixed(2), y: height - 6, 'text-anchor': 'middle' });
        const [y, m] = b.from.split('-');
        label.textContent = years.size > 1 ? `${Number(m)}/${y.substring(2)}` : String(Number(m));
        drawing.append(label);
    });
    $('scorecard-trend').replaceChildren(drawing);
    $('scorecard-trend-caption').textContent = t('scorecardTrendCaption', buckets.length, points(max));
    $('scorecard-series').querySelector('tbody').replaceChildren(...buckets.map((b) => {
        const tr = el('tr');
        tr.append(el('td', {}, `${dayText(b.from)} – ${dayText(b.to)}`),
            el('td', { class: 'num' }, b.earned === null || b.earned === undefined ? '—' : points(b.earned)),
            el('td', { class: 'num' }, b.possible === null || b.possible === undefined ? '—' : points(b.possible)),
            el('td', {}, b.version || '—'));
        return tr;
    }));
}

/**
 * The view's clicks, listened to once (the rows are redrawn): a criterion's gap list opens its indicator in the detail
 * below with the gap chosen ({@code showGap}); a unit re-scopes the whole dashboard to it ({@code moveScope}).
 */
export function wireScorecard(showGap, moveScope) {
    $('scorecard-criteria').addEventListener('click', (event) => {
        const button = event.target.closest('button[data-gap]');
        if (button) {
            showGap(button.dataset.gap);
        }
    });
    $('scorecard-units').addEventListener('click', (event) => {
        const button = event.target.closest('button[data-unit]');
        if (button) {
            moveScope(button.dataset.unit);
            $('scorecard-title').focus();
        }
    });
}
