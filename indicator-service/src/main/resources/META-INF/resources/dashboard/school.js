/**
 * A school's own view, for a unit-reporter's token: its weeks of the year (aired, missed, a school break, not over yet),
 * a form that reports a broadcast or a session to dossier-service, and what it has reported there, newest first.
 * Which weeks count and how many broadcasts each had are the server's (GET /api/v1/outreach/weeks); which fields an
 * event needs and what they may hold are dossier-service's, whose refusals are shown next to the fields they name.
 */
import { state } from './state.js';
import { $, el } from './dom.js';
import { t, number, dayText, timeText } from './i18n.js';
import { json, failed, post, refused, HttpError } from './api.js';
import { learnToday } from './scope.js';

const PAGE_SIZE = 20;
const WEEKS_EVERY_MS = 15000;
/** After a report is accepted, its week is read again this often for a while: it is counted once relayed. */
const WEEKS_SOON_MS = 2000;
const SOON_FOR_MS = 30000;

/** The view's own state: the token's unit, dossier-service's address, the list's page, the weeks' timer. */
const school = { unit: null, dossierService: null, page: 0, timer: null, soonUntil: 0, weeks: null, eventId: null };

/**
 * The token's payload, read only to choose the view (the servers check the token): a unit-reporter that is neither a
 * reader nor an admin gets the school's view; returns the unit its token names ('' when none), or null for the officials'.
 */
export function reporterUnit(token) {
    try {
        const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const bytes = Uint8Array.from(atob(part + '='.repeat((4 - (part.length % 4)) % 4)), (c) => c.charCodeAt(0));
        const claims = JSON.parse(new TextDecoder().decode(bytes));
        const groups = Array.isArray(claims.groups) ? claims.groups : [];
        if (groups.includes('unit-reporter') && !groups.includes('reader') && !groups.includes('admin')) {
            return typeof claims.unit === 'string' ? claims.unit : '';
        }
    } catch (ignored) {
        // Not a JWT the page can read: the officials' sign-in says what the server thinks of it.
    }
    return null;
}

export const schoolShown = () => school.unit !== null;

/** Signs the school in: its settings and its weeks, or the error that refuses it (thrown to the sign-in). */
export async function openSchool(unit) {
    const [settings, weeks] = await Promise.all([json('/api/v1/dashboard/config'),
        json('/api/v1/outreach/weeks', { unit, ...yearPeriod(null) })]);
    school.unit = unit || weeks.unit.code;
    school.dossierService = settings.dossierServiceUrl;
    school.page = 0;
    school.eventId = null;
    learnToday(weeks.asOf);
    fillYears();
    $('school-unit').value = school.unit;
    renderWeeks(weeks);
    prefillTime(weeks.asOf);
    $('school').hidden = false;
    showKind();
    refreshEvents();
    schedule();
}

export function closeSchool() {
    clearTimeout(school.timer);
    school.timer = null;
    school.unit = null;
    school.weeks = null;
    $('school').hidden = true;
    $('school-form').reset();
    clearErrors();
    $('school-result').textContent = '';
    document.querySelector('#school-events tbody').replaceChildren();
    $('school-weeks').replaceChildren();
}

/** The texts that depend on the language, drawn again. */
export function renderSchool() {
    fillYears();
    showKind();
    if (school.weeks) {
        renderWeeks(school.weeks);
    }
    refreshEvents();
}

/** The year chosen: 1 January to 31 December (the server counts weeks up to yesterday's only). */
function yearPeriod(year) {
    const y = year || (state.today ? state.today.substring(0, 4) : null);
    return y ? { from: `${y}-01-01`, to: `${y}-12-31` } : {};
}

function fillYears() {
    if (!state.today) {
        return;
    }
    const select = $('school-year');
    const chosen = select.value || state.today.substring(0, 4);
    select.replaceChildren();
    for (let y = Number(state.today.substring(0, 4)); y >= 2020; y--) {
        select.append(new Option(String(y), String(y)));
    }
    select.value = chosen;
}

async function refreshWeeks() {
    try {
        const weeks = await json('/api/v1/outreach/weeks', { unit: school.unit, ...yearPeriod($('school-year').value) });
        if (school.unit === null) {
            return;
        }
        $('school-error').textContent = '';
        learnToday(weeks.asOf);
        renderWeeks(weeks);
    } catch (error) {
        failed(error, $('school-error'));
    }
}

/** The weeks read again every little while, more often just after a report was accepted. */
function schedule() {
    clearTimeout(school.timer);
    const soon = Date.now() < school.soonUntil;
    school.timer = setTimeout(async () => {
        await refreshWeeks();
        if (school.unit !== null) {
            schedule();
        }
    }, soon ? WEEKS_SOON_MS : WEEKS_EVERY_MS);
}

function renderWeeks(answer) {
    school.weeks = answer;
    $('school-name').textContent = `${answer.unit.name} (${answer.unit.code})`;
    $('school-system').hidden = answer.broadcastSystem;
    $('school-system').textContent = answer.broadcastSystem ? '' : t('noBroadcastSystem');
    $('school-summary').textContent = t('weeksSummary', number(answer.weeksCounted - answer.weeksMissed),
        number(answer.weeksCounted), number(answer.weeksMissed));
    const items = answer.weeks.map((w) => {
        const kind = !w.counts ? 'break' : w.broadcasts > 0 ? 'aired' : 'missed';
        const said = kind === 'break' ? t('weekOff', w.schoolBreak) : kind === 'aired' ? t('weekAiredTimes', number(w.broadcasts)) : t('weekMissed');
        return week(w.monday, w.sunday, kind, said);
    });
    // The weeks of the year the server did not list (it lists those over by yesterday) are not over yet: shown, counted nowhere.
    const last = answer.weeks.length ? answer.weeks[answer.weeks.length - 1].monday : null;
    const yearEnd = answer.to.substring(0, 4) + '-12-31';
    for (let monday = last ? addDays(last, 7) : firstMonday(answer.from); addDays(monday, 6) <= yearEnd; monday = addDays(monday, 7)) {
        items.push(week(monday, addDays(monday, 6), 'pending', t('weekPending')));
    }
    $('school-weeks').replaceChildren(...items);
}

function week(monday, sunday, kind, said) {
    const li = el('li', { class: `week ${kind}`, 'data-monday': monday, 'data-state': kind });
    li.append(el('span', { class: 'days' }, `${dayText(monday).substring(0, 5)} – ${dayText(sunday)}`), el('span', { class: 'said' }, said));
    return li;
}

/** Calendar arithmetic on ISO dates (UTC, so no daylight saving moves a day). */
function addDays(iso, n) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().substring(0, 10);
}

function firstMonday(iso) {
    const day = new Date(iso + 'T00:00:00Z').getUTCDay();
    return addDays(iso, (8 - day) % 7);
}

/** The form's time starts at the server's now, on the department's clock (its answers are written in +07:00). */
function prefillTime(asOf) {
    if (!$('school-time').value && asOf) {
        $('school-time').value = asOf.substring(0, 16);
    }
}

const kind = () => document.querySelector('input[name="school-kind"]:checked').value;

function showKind() {
    const chosen = kind();
    document.querySelectorAll('#school-form [data-kind]').forEach((field) => { field.hidden = field.dataset.kind !== chosen; });
    document.querySelector('label[for="school-time"]').textContent = t(chosen === 'SESSION_HELD' ? 'sessionTime' : 'airTime');
}

/** The event as dossier-service takes it: only what was entered (the service says what is missing or wrong). */
function event() {
    const body = { eventId: school.eventId, type: kind(), unitCode: $('school-unit').value.trim(), title: $('school-item').value.trim() };
    if ($('school-time').value) {
        // A datetime-local has no offset: the time is read on the department's clock.
        body.occurredAt = $('school-time').value + ':00+07:00';
    }
    if (body.type === 'BROADCAST_AIRED') {
        if ($('school-duration').value !== '') {
            const seconds = Number($('school-duration').value) * Number($('school-duration-unit').value);
            body.durationSeconds = Number.isFinite(seconds) ? Math.round(seconds) : $('school-duration').value;
        }
    } else {
        body.audience = $('school-audience').value;
        if ($('school-participants').value !== '') {
            body.participants = Number($('school-participants').value);
        }
    }
    return body;
}

/**
 * A new event id once a report was answered for good, the same one while it was not (a lost answer sent again is not
 * a second broadcast): crypto.randomUUID where the page is a secure context, random bytes in the same form elsewhere.
 */
function eventId() {
    if (!school.eventId) {
        if (window.crypto.randomUUID) {
            school.eventId = window.crypto.randomUUID();
        } else {
            const b = window.crypto.getRandomValues(new Uint8Array(16));
            b[6] = (b[6] & 0x0f) | 0x40;
            b[8] = (b[8] & 0x3f) | 0x80;
            const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
            school.eventId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
        }
    }
    return school.eventId;
}

function clearErrors() {
    $('school-form-error').textContent = '';
    document.querySelectorAll('#school-form .error[data-field]').forEach((p) => { p.textContent = ''; });
    document.querySelectorAll('#school-form [aria-invalid]').forEach((f) => f.removeAttribute('aria-invalid'));
}

async function send(submitEvent) {
    submitEvent.preventDefault();
    clearErrors();
    $('school-result').textContent = '';
    eventId();
    const body = event();
    $('school-send').disabled = true;
    try {
        const response = await post(school.dossierService + '/api/v1/outreach-events', body);
        const answer = await response.json().catch(() => ({}));
        if (response.status === 401) {
            refused(401);
        } else if (response.ok) {
            school.eventId = null;
            $('school-result').textContent = t(answer.duplicates > 0 ? 'reportedAgain' : 'reported', body.title);
            $('school-item').value = '';
            $('school-duration').value = '';
            $('school-participants').value = '';
            school.page = 0;
            school.soonUntil = Date.now() + SOON_FOR_MS;
            refreshEvents();
            schedule();
        } else {
            showRefusal(response.status, answer, body);
        }
    } catch (error) {
        $('school-form-error').textContent = t('reportUnreachable');
    } finally {
        $('school-send').disabled = false;
    }
}

/** A refusal in the words of dossier-service, each field's next to it; what names no field of the form, above the button. */
function showRefusal(status, problem, body) {
    const loose = [];
    for (const error of problem.errors || []) {
        const field = String(error.field || '').replace(/^\[\d+\]\.?/, '');
        const where = document.querySelector(`#school-form .error[data-field="${field}"]`);
        if (where && !where.closest('[hidden]')) {
            where.textContent = error.message;
            const input = document.querySelector(`#school-form [aria-describedby="${where.id}"]`);
            if (input) {
                input.setAttribute('aria-invalid', 'true');
            }
        } else {
            loose.push(field ? `${field}: ${error.message}` : error.message);
        }
    }
    const lead = status === 403 ? t('reportForbidden', body.unitCode) : status === 422 ? t('reportInvalid')
        : status === 409 ? t('reportConflict') : t('reportFailed', String(status));
    $('school-form-error').textContent = [lead, ...loose, status === 422 ? '' : problem.detail || ''].filter((s) => s).join(' ');
    const first = document.querySelector('#school-form [aria-invalid="true"]');
    if (first) {
        first.focus();
    }
}

async function refreshEvents() {
    if (school.unit === null) {
        return;
    }
    const body = document.querySelector('#school-events tbody');
    const period = yearPeriod($('school-year').value);
    if (state.today && period.to > state.today) {
        period.to = state.today;
    }
    try {
        const list = await json(school.dossierService + '/api/v1/outreach-events',
            { unit: school.unit, ...period, page: school.page, size: PAGE_SIZE, format: 'json' });
        $('school-events-error').textContent = '';
        const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
        if (list.items.length === 0) {
            const tr = el('tr');
            tr.append(el('td', { colspan: '5' }, t('noReports')));
            body.replaceChildren(tr);
        } else {
            body.replaceChildren(...list.items.map(reportRow));
        }
        $('school-page-info').textContent = t('pageInfo', number(list.page + 1), number(pages), number(list.total));
        $('school-prev').disabled = list.page === 0;
        $('school-next').disabled = list.page + 1 >= pages;
    } catch (error) {
        body.replaceChildren();
        $('school-prev').disabled = true;
        $('school-next').disabled = true;
        if (error instanceof HttpError && error.status === 403) {
            // dossier-service's refusal of this list is not the indicators' refusal of the token: said here, no sign-out.
            $('school-events-error').textContent = t('reportsForbidden') + (error.message ? ' ' + error.message : '');
        } else {
            failed(error, $('school-events-error'));
        }
    }
}

function reportRow(item) {
    const details = item.type === 'BROADCAST_AIRED' ? t('lasting', minutes(item.durationSeconds))
        : t('attended', t('audience-' + item.audience) || item.audience, number(item.participants));
    const tr = el('tr', { 'data-event': item.eventId, 'data-type': item.type });
    tr.append(el('td', { class: 'nowrap' }, timeText(item.occurredAt)), el('td', {}, t('kind-' + item.type) || item.type),
        el('td', {}, item.title), el('td', {}, details), el('td', {}, item.unitCode));
    return tr;
}

/** 90 -> "1 phút 30 giây" / "1 min 30 s". */
function minutes(seconds) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return [m ? t('minutes', number(m)) : '', s || !m ? t('seconds', number(s)) : ''].filter((x) => x).join(' ');
}

/** The view's own controls. */
export function wireSchool() {
    document.querySelectorAll('input[name="school-kind"]').forEach((r) => r.addEventListener('change', () => { clearErrors(); showKind(); }));
    $('school-form').addEventListener('submit', send);
    $('school-year').addEventListener('change', () => { school.page = 0; refreshWeeks(); refreshEvents(); });
    $('school-prev').addEventListener('click', () => { school.page = Math.max(0, school.page - 1); refreshEvents(); });
    $('school-next').addEventListener('click', () => { school.page += 1; refreshEvents(); });
}
