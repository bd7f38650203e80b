/**
 * The board of the dossiers in process for the chosen unit, now: the count in each state (a filter of the list), the
 * units directly below ranked by overdue count (a click moves the scope there), the list page by page with its exports,
 * and a warning when the working days of this year are counted without a configured calendar. Every state, count, rank
 * and number of working days is the server's: the page only shows them.
 */
import { state, latest } from './state.js';
import { $, el } from './dom.js';
import { t, number, timeText } from './i18n.js';
import { json, failed, refusal } from './api.js';
import { learnToday } from './scope.js';
import { saveFile } from './reports.js';

const PAGE_SIZE = 20;
/** The four states of an open dossier, in the order the board shows them (the most urgent first). */
const STATES = ['overdue', 'due-soon', 'waiting', 'on-track'];

export const stateName = (s) => t('state-' + s) || s;

/** The query of the board's requests: the unit of the scope picker, the state chosen, the "due soon" horizon. */
function query() {
    return { unit: $('unit').value, within: $('open-within').value };
}

export async function refreshOpen() {
    const unit = $('unit').value;
    if (state.open.unit !== unit) {
        state.open.unit = unit;
        state.open.page = 0;
    }
    $('open-error').textContent = '';
    await Promise.all([refreshSummary(), refreshList()]);
}

async function refreshSummary() {
    const current = latest('open-summary');
    try {
        const summary = await json('/api/v1/open-dossiers/summary', query());
        if (!current()) {
            return;
        }
        state.open.asOf = summary.asOf;
        learnToday(summary.asOf);
        const unit = state.units.find((u) => u.code === summary.unit);
        $('open-scope').textContent = t('openScope', unit ? unit.name : (summary.unit || t('allUnits')), timeText(summary.asOf));
        renderCounts(summary.counts || {});
        renderUnits(summary.units || []);
        await refreshCalendar(summary.asOf.substring(0, 4));
    } catch (error) {
        failed(error, $('open-error'));
    }
}

function renderCounts(counts) {
    const total = STATES.reduce((sum, s) => sum + (counts[s] || 0), 0);
    document.querySelectorAll('#open-counts .state-filter').forEach((button) => {
        const s = button.dataset.state;
        button.querySelector('.count').textContent = number(s ? counts[s] || 0 : total);
        button.setAttribute('aria-pressed', String(s === state.open.state));
    });
}

function renderUnits(units) {
    const body = document.querySelector('#open-units tbody');
    if (units.length === 0) {
        const tr = el('tr');
        tr.append(el('td', { colspan: '5' }, t('noUnits')));
        body.replaceChildren(tr);
        return;
    }
    body.replaceChildren(...units.map((u) => {
        const tr = el('tr', { 'data-unit': u.code });
        const name = el('td');
        const label = `${u.name} (${u.code})`;
        name.append(el('button', { type: 'button', class: 'link', 'data-unit': u.code, 'aria-label': t('moveTo', label) }, label));
        tr.append(name, ...STATES.map((s) => el('td', { class: 'num', 'data-state': s }, number((u.counts || {})[s] || 0))));
        return tr;
    }));
}

/** A year never configured counts Monday to Friday only: the board says so, since its working days are then rough. */
async function refreshCalendar(year) {
    const warning = $('calendar-warning');
    const current = latest('calendar');
    try {
        const calendar = await json(`/api/v1/calendars/${encodeURIComponent(year)}`);
        if (!current()) {
            return;
        }
        state.open.calendar = calendar;
        warning.hidden = calendar.configured !== false;
        warning.textContent = calendar.configured === false ? t('calendarUnset', String(calendar.year || year)) : '';
    } catch (error) {
        if (refusal(error)) {
            failed(error, $('open-error'));
        }
        // Any other failure leaves the warning as it was: the board's counts do not depend on it.
    }
}

export async function refreshList() {
    const body = document.querySelector('#open-list tbody');
    const current = latest('open-list');
    const chosen = state.open.state;
    $('open-list-title').textContent = chosen ? t('openListOf', stateName(chosen)) : t('openListTitle');
    try {
        const list = await json('/api/v1/open-dossiers',
            { ...query(), state: chosen, page: state.open.page, size: PAGE_SIZE, format: 'json' });
        if (!current()) {
            return;
        }
        const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
        if (list.items.length === 0) {
            const tr = el('tr');
            tr.append(el('td', { colspan: '8' }, t('noOpen')));
            body.replaceChildren(tr);
        } else {
            body.replaceChildren(...list.items.map(row));
        }
        $('open-page-info').textContent = t('openPageInfo', number(list.page + 1), number(pages), number(list.total));
        $('open-prev').disabled = list.page === 0;
        $('open-next').disabled = list.page + 1 >= pages;
    } catch (error) {
        if (!current()) {
            return;
        }
        // No list rather than the last one under another filter.
        body.replaceChildren();
        $('open-prev').disabled = true;
        $('open-next').disabled = true;
        failed(error, $('open-page-info'));
    }
}

function row(item) {
    const tr = el('tr', { 'data-dossier': item.dossierCode, 'data-state': item.state });
    const code = el('td');
    code.append(dossierButton(item.dossierCode));
    const tag = el('td');
    tag.append(el('span', { class: `tag ${item.state}` }, stateName(item.state)));
    const late = item.workingDaysLate !== undefined && item.workingDaysLate !== null;
    const days = late ? t('daysLate', number(item.workingDaysLate))
        : item.workingDaysLeft !== undefined && item.workingDaysLeft !== null ? t('daysLeft', number(item.workingDaysLeft)) : '—';
    tr.append(code, tag, el('td', {}, `${item.procedureName || ''} (${item.procedureCode})`),
        el('td', {}, item.unitName ? `${item.unitName} (${item.unitCode})` : item.unitCode),
        el('td', { class: 'nowrap' }, timeText(item.receivedAt)), el('td', { class: 'nowrap' }, timeText(item.due)),
        el('td', {}, days), el('td', { class: 'num' }, number(item.supplementRequests || 0)));
    return tr;
}

/** A dossier code that opens its timeline: the entry point listens for clicks on any button[data-dossier]. */
export function dossierButton(code, text) {
    return el('button', { type: 'button', class: 'link', 'data-dossier': code, 'aria-label': t('showTimeline', code) }, text || code);
}

/** The board's own controls. {@code moveScope} takes the scope picker to a unit (the entry point's scope change). */
export function wireOpen(moveScope) {
    $('open-counts').addEventListener('click', (event) => {
        const button = event.target.closest('.state-filter');
        if (!button) {
            return;
        }
        // The state chosen again, or "all": the whole list.
        state.open.state = button.dataset.state === state.open.state ? '' : button.dataset.state;
        state.open.page = 0;
        document.querySelectorAll('#open-counts .state-filter')
            .forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.state === state.open.state)));
        refreshList();
    });
    $('open-units').addEventListener('click', (event) => {
        const button = event.target.closest('button[data-unit]');
        if (button) {
            moveScope(button.dataset.unit);
            $('open-title').focus();
        }
    });
    $('open-within').addEventListener('change', () => { state.open.page = 0; refreshOpen(); });
    $('open-prev').addEventListener('click', () => { state.open.page = Math.max(0, state.open.page - 1); refreshList(); });
    $('open-next').addEventListener('click', () => { state.open.page += 1; refreshList(); });
    document.querySelectorAll('button.open-export').forEach((b) => b.addEventListener('click', () => {
        const format = b.dataset.export;
        saveFile('/api/v1/open-dossiers', { ...query(), state: state.open.state, format },
            `ho-so-dang-giai-quyet.${format}`, $('open-export-state'));
    }));
}
