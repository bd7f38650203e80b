/**
 * The "Kế hoạch" view: the plan's tasks (GET /api/v1/plans/{year}/tasks) for the year of the chosen period, each with
 * its status, lead unit, deadline and the values of the indicators that measure it over the year for every unit; for
 * an admin token, a small form on the rows whose status is reported (1 and 12) that PUTs the task's progress.
 */
import { state, latest } from './state.js';
import { $, el } from './dom.js';
import { t, percent } from './i18n.js';
import { json, failed, refusal, refused, HttpError, isAdmin } from './api.js';
import { period } from './scope.js';

/** The rows whose status an admin reports (no target): section 9. */
const REPORTED = [1, 12];
const PROGRESS = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'];

const planYear = () => period().to.substring(0, 4);

export async function refreshPlan() {
    const current = latest('plan');
    const year = planYear();
    const end = `${year}-12-31`;
    const to = state.today && state.today < end ? state.today : end;
    $('plan-error').textContent = '';
    $('plan-text').textContent = t('planText', year);
    try {
        const [tasks, values] = await Promise.all([json(`/api/v1/plans/${year}/tasks`),
            json('/api/v1/indicators', { from: `${year}-01-01`, to })]);
        if (current()) {
            renderPlan(tasks, values.indicators);
        }
    } catch (error) {
        if (!current()) {
            return;
        }
        $('plan-tasks').querySelector('tbody').replaceChildren();
        if (error instanceof HttpError && error.status === 404) {
            $('plan-error').textContent = t('planNone', year);
        } else {
            failed(error, $('plan-error'));
        }
    }
}

function renderPlan(tasks, indicators) {
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const admin = isAdmin();
    const rows = tasks.map((task) => {
        const tr = el('tr', { 'data-task': String(task.number) });
        tr.append(el('td', { class: 'num' }, String(task.number)));
        tr.append(el('td', { lang: state.lang }, task.task[state.lang] || task.task.vi));
        tr.append(el('td', { lang: 'vi' }, task.lead));
        tr.append(el('td', { lang: 'vi' }, task.deadline));
        const measures = el('td');
        if (task.indicators.length === 0) {
            measures.textContent = '—';
        }
        task.indicators.forEach((id) => {
            const value = byId.get(id);
            const line = el('div', { class: 'measure' });
            line.textContent = value
                ? `${value.name[state.lang] || value.name.vi}: ${percent(value.value)}`
                    + (value.target === null ? '' : ` (${t('target', percent(value.target))})`)
                : id;
            measures.append(line);
        });
        tr.append(measures);
        const status = el('td');
        status.append(el('span', { class: `badge ${task.status}` }, t('taskStatus')[task.status] || task.status));
        if (task.reported) {
            status.append(el('div', { class: 'reported' }, t('reportedAs', t('progressNames')[task.reported.status] || task.reported.status)));
            if (task.reported.note) {
                status.append(el('div', { class: 'reported', lang: 'vi' }, task.reported.note));
            }
        }
        tr.append(status);
        if (admin) {
            const cell = el('td');
            if (REPORTED.includes(task.number)) {
                cell.append(reportForm(task));
            }
            tr.append(cell);
        }
        return tr;
    });
    $('plan-report-heading').hidden = !admin;
    $('plan-tasks').querySelector('tbody').replaceChildren(...rows);
}

function reportForm(task) {
    const form = el('form', { class: 'task-report', 'data-task': String(task.number) });
    const select = el('select', { id: `task-status-${task.number}`, name: 'status' });
    PROGRESS.forEach((p) => {
        const option = el('option', { value: p }, t('progressNames')[p]);
        if (task.reported && task.reported.status === p) {
            option.selected = true;
        }
        select.append(option);
    });
    const note = el('input', { id: `task-note-${task.number}`, name: 'note', type: 'text', maxlength: '2000' });
    note.value = task.reported && task.reported.note ? task.reported.note : '';
    form.append(el('label', { for: select.id }, t('progressLabel')), select, el('label', { for: note.id }, t('noteLabel')), note,
        el('button', { type: 'submit' }, t('reportSave')), el('p', { class: 'task-report-state', role: 'status' }));
    return form;
}

async function submitReport(form) {
    const where = form.querySelector('.task-report-state');
    const number = form.dataset.task;
    const note = form.elements.note.value.trim();
    const body = { status: form.elements.status.value, evidence: [] };
    if (note) {
        body.note = note;
    }
    where.textContent = t('saving');
    try {
        const response = await fetch(`/api/v1/plans/${planYear()}/tasks/${number}`, {
            method: 'PUT',
            headers: { Authorization: 'Bearer ' + state.token, 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify(body)
        });
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
        await refreshPlan();
        const again = $('plan-tasks').querySelector(`form[data-task="${number}"] .task-report-state`);
        if (again) {
            again.textContent = t('reportSaved');
        }
    } catch (error) {
        if (refusal(error)) {
            failed(error, where);
        } else {
            where.textContent = t('unreachable');
        }
    }
}

/** The forms' submissions, listened to once on the table (the rows are redrawn). */
export function wirePlan() {
    $('plan-tasks').addEventListener('submit', (event) => {
        const form = event.target.closest('form.task-report');
        if (form) {
            event.preventDefault();
            submitReport(form);
        }
    });
}
