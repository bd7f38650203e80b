/**
 * The "Báo cáo đã chốt" view (r2, issue 20): the plan reports closed as sent for the year of the chosen period
 * (GET /api/v1/reports/plan/closed?year), each file downloadable as sent; for the chosen unit's closed report, each
 * figure as closed and as it stands now, how it moved, and the late events that moved it (GET .../closed/{year}?unit),
 * a dossier's code opening its timeline; an admin closes the chosen unit's year from here (POST). Every number is the
 * server's.
 */
import { state, latest } from './state.js';
import { $, el } from './dom.js';
import { t, percent, number, timeText } from './i18n.js';
import { json, post, failed, refused, HttpError, isAdmin } from './api.js';
import { period } from './scope.js';
import { saveFile } from './reports.js';
import { dossierButton } from './open.js';

const closedYear = () => period().to.substring(0, 4);
const name = (label) => (label ? label[state.lang] || label.vi : '');

function unitName(code) {
    if (!code) {
        return t('allUnits');
    }
    const unit = state.units.find((u) => u.code === code);
    return unit ? `${unit.name} (${unit.code})` : code;
}

export async function refreshClosed() {
    const current = latest('closed');
    const year = closedYear();
    const unit = $('unit').value;
    $('closed-error').textContent = '';
    $('closed-text').textContent = t('closedText', year, unitName(unit));
    $('close-report').hidden = !isAdmin();
    $('close-report').textContent = t('closeReport', year, unitName(unit));
    try {
        const all = await json('/api/v1/reports/plan/closed', { year });
        // The revisions only of a closed report: the list says whether the unit's year is.
        const one = all.some((r) => (r.unit || '') === unit) ? await revisionsOf(year, unit) : null;
        if (current()) {
            renderList(all);
            renderRevisions(one, year, unit);
        }
    } catch (error) {
        if (current()) {
            failed(error, $('closed-error'));
        }
    }
}

/** The unit's closed report of the year with its revisions, or null when that year is not closed for it. */
async function revisionsOf(year, unit) {
    try {
        return await json(`/api/v1/reports/plan/closed/${year}`, { unit: unit || undefined });
    } catch (error) {
        if (error instanceof HttpError && error.status === 404) {
            return null;
        }
        throw error;
    }
}

function fileButtons(report) {
    const td = el('td', { class: 'buttons' });
    report.files.forEach((f) => td.append(el('button', { type: 'button', class: 'link', 'data-closed-file': f.href, 'data-filename': f.filename },
        f.format.toUpperCase())));
    return td;
}

function renderList(reports) {
    const body = $('closed-list').querySelector('tbody');
    if (reports.length === 0) {
        const tr = el('tr');
        tr.append(el('td', { colspan: '4' }, t('closedNoneOfYear', closedYear())));
        body.replaceChildren(tr);
        return;
    }
    body.replaceChildren(...reports.map((r) => {
        const tr = el('tr', { 'data-unit': r.unit || '' });
        tr.append(el('th', { scope: 'row' }, unitName(r.unit)), el('td', { class: 'nowrap' }, timeText(r.closedAt)),
            el('td', {}, r.closedBy), fileButtons(r));
        return tr;
    }));
}

const signed = (n, digits) => (n === null || n === undefined ? '—'
    : new Intl.NumberFormat(state.lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(n));

function counts(c) {
    if (!c) {
        return '—';
    }
    const ratio = c.denominator === null || c.denominator === undefined ? number(c.numerator) : `${number(c.numerator)} / ${number(c.denominator)}`;
    return c.value === null || c.value === undefined ? ratio : `${percent(c.value)} (${ratio})`;
}

function renderRevisions(report, year, unit) {
    const shown = report !== null;
    ['closed-figures-title', 'closed-figures-box', 'closed-late-title', 'closed-late-box'].forEach((id) => { $(id).hidden = !shown; });
    if (!shown) {
        $('closed-state').textContent = t('closedNot', year, unitName(unit));
        return;
    }
    $('closed-state').textContent = t('closedSummary', timeText(report.closedAt), report.closedBy, report.revised, report.figures.length);
    $('closed-figures').querySelector('tbody').replaceChildren(...report.figures.map((f) => {
        const moved = f.change && (f.change.numerator !== 0 || (f.change.denominator !== null && f.change.denominator !== undefined
            && f.change.denominator !== 0));
        const tr = el('tr', { 'data-indicator': f.id, class: moved ? 'revised' : '' });
        const change = !f.change ? '—'
            : `${signed(f.change.numerator, 0)}${f.change.denominator === null || f.change.denominator === undefined ? '' : ' / ' + signed(f.change.denominator, 0)}`
                + (f.change.value === null || f.change.value === undefined ? '' : ` (${signed(f.change.value, 2)} ${t('percentPoints')})`);
        tr.append(el('th', { scope: 'row' }, name(f.name)), el('td', {}, counts(f.asClosed)), el('td', {}, counts(f.now)),
            el('td', { class: moved ? 'bad' : '' }, moved ? change : t('unchanged')));
        return tr;
    }));
    const late = $('closed-late').querySelector('tbody');
    if (report.lateEvents.length === 0) {
        const tr = el('tr');
        tr.append(el('td', { colspan: '5' }, t('noLateEvents')));
        late.replaceChildren(tr);
    } else {
        late.replaceChildren(...report.lateEvents.map((e) => {
            const tr = el('tr', { 'data-event': e.eventId });
            const code = el('td');
            code.append(dossierButton(e.dossierCode));
            const type = e.transactionId ? (t('paymentTypes')[e.type] || e.type) : (t('eventTypes')[e.type] || e.type);
            tr.append(el('td', { class: 'nowrap' }, timeText(e.countedAt)), el('td', { class: 'nowrap' }, timeText(e.occurredAt)),
                el('td', {}, type), code, el('td', {}, e.transactionId || '—'));
            return tr;
        }));
    }
    $('closed-late-more').textContent = report.lateEventsTotal > report.lateEvents.length
        ? t('lateMore', number(report.lateEvents.length), number(report.lateEventsTotal)) : '';
}

async function closeReport() {
    const where = $('closed-error');
    const year = Number(closedYear());
    const unit = $('unit').value;
    where.textContent = t('saving');
    try {
        const response = await post('/api/v1/reports/plan/closed', unit ? { year, unit } : { year });
        if (response.status === 401) {
            refused(401);
            return;
        }
        if (!response.ok) {
            const problem = await response.json().catch(() => ({}));
            where.textContent = (problem.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ') || problem.detail
                || `HTTP ${response.status}`;
            return;
        }
        const closed = response.status === 201;
        await refreshClosed();
        $('closed-error').textContent = closed ? t('closedNow') : t('closedBefore');
    } catch (error) {
        where.textContent = t('unreachable');
    }
}

/** The close button and the files' downloads, listened to once (the tables are redrawn). */
export function wireClosed() {
    $('close-report').addEventListener('click', closeReport);
    $('closed-list').addEventListener('click', (event) => {
        const button = event.target.closest('button[data-closed-file]');
        if (button) {
            saveFile(button.dataset.closedFile, {}, button.dataset.filename, $('closed-file'));
        }
    });
}
