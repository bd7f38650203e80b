/** The period and the unit: the pickers, and the scope they choose. */
import { state } from './state.js';
import { $ } from './dom.js';
import { t } from './i18n.js';

const lastDay = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n) => String(n).padStart(2, '0');

/**
 * Every time the server sends (the status's and the numbers' asOf) is written on the department's clock (+07:00):
 * its date is the department's today. The page keeps no offset of its own, and no clock but the server's.
 */
export function learnToday(serverTime) {
    if (serverTime) {
        state.today = serverTime.substring(0, 10);
    }
}

/** The year, month and quarter pickers, up to this year; nothing before the server has said what day it is. */
export function fillPickers() {
    if (!state.today) {
        return;
    }
    const thisYear = Number(state.today.substring(0, 4));
    const year = $('year');
    const chosenYear = year.value || String(thisYear);
    year.replaceChildren();
    for (let y = thisYear; y >= 2020; y--) {
        year.append(new Option(String(y), String(y)));
    }
    year.value = chosenYear;
    const month = $('month');
    const chosenMonth = month.value || state.today.substring(5, 7);
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

export function fillUnits() {
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
export function period() {
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
    const today = state.today;
    if (to > today && from <= today) {
        to = today;
    }
    return { from, to };
}

export function scope() {
    return { ...period(), unit: $('unit').value };
}

/** Whether the view is the live stream's own scope, as the stream's latest message gave it (this year to today, every unit). */
export function isStreamScope() {
    const live = state.streamScope;
    const s = scope();
    return live !== null && s.unit === (live.unit || '') && s.from === live.from && s.to === live.to;
}

export function showPeriodFields() {
    const kind = $('period-kind').value;
    $('year-field').hidden = kind === 'custom';
    $('quarter-field').hidden = kind !== 'quarter';
    $('month-field').hidden = kind !== 'month';
    $('from-field').hidden = kind !== 'custom';
    $('to-field').hidden = kind !== 'custom';
    if (kind === 'custom' && !$('from').value) {
        const p = { from: `${$('year').value}-01-01`, to: `${$('year').value}-12-31` };
        $('from').value = p.from;
        $('to').value = p.to > state.today ? state.today : p.to;
    }
}
