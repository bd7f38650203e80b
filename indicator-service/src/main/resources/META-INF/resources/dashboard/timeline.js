/**
 * One dossier's timeline, in a modal dialog: what the service knows of it (procedure, unit, its state now, its due),
 * each event with its time and its non-personal fields, and its payments. Opened from any dossier code on the page.
 */
import { latest } from './state.js';
import { $, el } from './dom.js';
import { t, number, money, timeText } from './i18n.js';
import { json, failed, HttpError } from './api.js';
import { stateName } from './open.js';

/** The fields every event has, shown in their own columns; the others are its details. */
const OWN_COLUMNS = new Set(['eventId', 'type', 'occurredAt', 'dossierCode', 'procedureCode', 'unitCode']);

/** The code that opened the dialog: its table and dossier, since a live refresh may have drawn that table again meanwhile. */
let opener = null;

export function wireTimeline() {
    const dialog = $('timeline');
    $('timeline-close').addEventListener('click', () => dialog.close());
    // Back to the code that opened it, for a keyboard user (Escape closes the dialog too).
    dialog.addEventListener('close', () => {
        if (opener) {
            const table = opener.table && document.getElementById(opener.table);
            const again = table && [...table.querySelectorAll('button[data-dossier]')].find((b) => b.dataset.dossier === opener.code);
            const target = opener.button.isConnected ? opener.button : again;
            if (target) {
                target.focus();
            }
        }
        opener = null;
    });
}

export function closeTimeline() {
    if ($('timeline').open) {
        $('timeline').close();
    }
}

export async function openTimeline(code, from) {
    const dialog = $('timeline');
    opener = from ? { button: from, code, table: (from.closest('table') || {}).id } : null;
    $('timeline-title').textContent = t('timelineOf', code);
    $('timeline-error').textContent = t('loading');
    $('timeline-facts').replaceChildren();
    document.querySelector('#timeline-events tbody').replaceChildren();
    document.querySelector('#timeline-payments tbody').replaceChildren();
    dialog.dataset.dossier = code;
    if (!dialog.open) {
        dialog.showModal();
    }
    $('timeline-close').focus();
    const current = latest('timeline');
    try {
        const dossier = await json(`/api/v1/dossiers/${encodeURIComponent(code)}`);
        if (!current()) {
            return;
        }
        $('timeline-error').textContent = '';
        render(dossier);
    } catch (error) {
        if (!current()) {
            return;
        }
        if (error instanceof HttpError && error.status === 404) {
            $('timeline-error').textContent = t('notFound');
            return;
        }
        if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
            dialog.close();
        }
        failed(error, $('timeline-error'));
    }
}

function render(dossier) {
    const facts = $('timeline-facts');
    const fact = (field, term, value) => facts.append(el('dt', {}, term), el('dd', { 'data-field': field }, value));
    fact('state', t('openState'), stateName(dossier.state));
    fact('procedure', t('procedure'), dossier.procedureName ? `${dossier.procedureName} (${dossier.procedureCode})` : dossier.procedureCode || '—');
    fact('unit', t('unitName'), dossier.unitName ? `${dossier.unitName} (${dossier.unitCode})` : dossier.unitCode || '—');
    fact('due', t('due'), timeText(dossier.due));

    const events = dossier.events || [];
    const eventRows = events.map((e) => {
        const tr = el('tr', { 'data-type': e.type });
        tr.append(el('td', { class: 'nowrap' }, timeText(e.occurredAt)), el('td', {}, t('eventTypes')[e.type] || e.type),
            el('td', {}, details(e)));
        return tr;
    });
    document.querySelector('#timeline-events tbody').replaceChildren(...(eventRows.length ? eventRows : [emptyRow(3, t('noEvents'))]));

    const payments = dossier.payments || [];
    const paymentRows = payments.map((p) => {
        const tr = el('tr', { 'data-transaction': p.transactionId });
        tr.append(el('td', { class: 'nowrap' }, timeText(p.paidAt)), el('td', {}, p.transactionId),
            el('td', {}, value(p.method)), el('td', { class: 'num' }, p.amount === null || p.amount === undefined ? '—' : money(p.amount)),
            el('td', {}, refundText(p.refunded)));
        return tr;
    });
    document.querySelector('#timeline-payments tbody').replaceChildren(...(paymentRows.length ? paymentRows : [emptyRow(5, t('noPayments'))]));
}

/** An event's other fields in words: "Kênh nộp: trực tuyến; Toàn trình: có". Fields the page has no words for keep their names. */
function details(e) {
    return Object.entries(e).filter(([k, v]) => !OWN_COLUMNS.has(k) && v !== null && v !== undefined && typeof v !== 'object')
        .map(([k, v]) => `${t('fields')[k] || k}: ${fieldValue(k, v)}`).join('; ');
}

function fieldValue(key, v) {
    if (typeof v === 'boolean') {
        return v ? t('yes') : t('no');
    }
    if (key === 'rating') {
        return t('stars', number(v));
    }
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) {
        return timeText(v);
    }
    return value(v);
}

const value = (v) => (v === null || v === undefined ? '—' : t('values')[v] || String(v));

/** `refunded`: whether (or when) the transaction was refunded. */
function refundText(refunded) {
    if (refunded === null || refunded === undefined || refunded === false) {
        return t('no');
    }
    return typeof refunded === 'string' ? timeText(refunded) : t('yes');
}

function emptyRow(columns, text) {
    const tr = el('tr');
    tr.append(el('td', { colspan: String(columns) }, text));
    return tr;
}
