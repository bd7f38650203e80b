/**
 * The "Cảnh báo và dự báo" view: the latest alerts of units falling behind (GET /api/v1/alerts, refreshed with the
 * page), and each indicator with a target projected to the year's end for the chosen unit (GET /api/v1/projections),
 * labelled as a projection and kept apart from the official figures above. Every number is the server's.
 */
import { state } from './state.js';
import { $, el } from './dom.js';
import { percent, timeText } from './i18n.js';
import { json, failed } from './api.js';
import { scope } from './scope.js';

const WORDS = {
    vi: {
        none: 'Chưa có cảnh báo nào.', indicator: 'Chỉ tiêu', current: 'Đến nay', projected: 'Dự báo 31/12', target: 'Chỉ tiêu',
        needed: 'Cần thêm', reachable: 'Còn kịp', yes: 'Có', no: 'Không', met: 'đạt', unmet: 'chưa đạt',
        rule: (p) => `Dự báo, không phải số liệu chính thức: đến ${p.asOf}, theo nhịp ${p.recentDays} ngày gần nhất cho ${p.daysLeft} ngày còn lại.`
    },
    en: {
        none: 'No alert yet.', indicator: 'Indicator', current: 'So far', projected: 'Projected 31 Dec', target: 'Target',
        needed: 'Needed', reachable: 'Reachable', yes: 'Yes', no: 'No', met: 'met', unmet: 'not met',
        rule: (p) => `A projection, not an official figure: as of ${p.asOf}, the last ${p.recentDays} days' pace over the ${p.daysLeft} days left.`
    }
};
const w = (key, ...args) => {
    const v = WORDS[state.lang][key];
    return typeof v === 'function' ? v(...args) : v;
};
const name = (label) => (label ? label[state.lang] || label.vi : '');

export async function refreshWatch() {
    const s = scope();
    try {
        const [alerts, projections] = await Promise.all([
            json('/api/v1/alerts', { limit: 10 }),
            json('/api/v1/projections', { to: s.to, unit: s.unit || undefined })]);
        $('watch-error').textContent = '';
        renderAlerts(alerts);
        renderProjections(projections);
    } catch (error) {
        failed(error, $('watch-error'));
    }
}

function renderAlerts(alerts) {
    const list = $('alerts');
    list.replaceChildren();
    if (alerts.length === 0) {
        list.append(el('li', {}, w('none')));
        return;
    }
    alerts.forEach((a) => {
        const item = el('li', { 'data-type': a.type, class: a.type.startsWith('BACK') || a.type.endsWith('UNDER') ? 'good' : 'bad' });
        item.append(el('time', { datetime: a.raisedAt }, timeText(a.raisedAt)), document.createTextNode(' ' + name(a.message)));
        list.append(item);
    });
}

function renderProjections(p) {
    $('projection-rule').textContent = w('rule', p);
    const table = $('projections');
    table.replaceChildren();
    const head = el('tr');
    ['indicator', 'current', 'projected', 'target', 'needed', 'reachable'].forEach((k) => head.append(el('th', { scope: 'col' }, w(k))));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    p.projections.forEach((x) => {
        const row = el('tr', { 'data-indicator': x.id });
        row.append(el('th', { scope: 'row' }, name(x.name)));
        row.append(el('td', {}, percent(x.current.value)));
        row.append(el('td', { class: x.meetsTarget ? 'good' : 'bad' },
            `${percent(x.projected.value)} (${x.meetsTarget ? w('met') : w('unmet')})`));
        row.append(el('td', {}, percent(x.target)));
        row.append(el('td', {}, x.pace ? name(x.pace) : '—'));
        row.append(el('td', {}, x.reachable === null || x.reachable === undefined ? '—' : (x.reachable ? w('yes') : w('no'))));
        body.append(row);
    });
    table.append(thead, body);
}

