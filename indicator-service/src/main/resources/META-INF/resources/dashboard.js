/*
 * The officials' dashboard: the board of the dossiers in process, the plan's indicators as cards, a period and unit picker, per indicator a trend,
 * the ranking of the units below and the codes behind the number, the reports, and live updates.
 * Native ES modules over the service's REST API, no build step (dashboard/: state, dom, i18n, api, scope, open,
 * timeline, cards, detail, reports, closed, plan, scorecard, stream; school: a school's own view, for a unit-reporter's token). This
 * entry point signs in and out and wires the page's controls. The token stays in this tab's sessionStorage and is sent
 * only in the Authorization header.
 */
import { state } from './dashboard/state.js';
import { $ } from './dashboard/dom.js';
import { t, applyLanguage } from './dashboard/i18n.js';
import { json, onRefused, HttpError } from './dashboard/api.js';
import { fillPickers, fillUnits, showPeriodFields, learnToday } from './dashboard/scope.js';
import { refreshCards, renderCards, markUpdated } from './dashboard/cards.js';
import { select, refreshDetail, refreshTrend, refreshDrill } from './dashboard/detail.js';
import { describeReports, download } from './dashboard/reports.js';
import { refreshOpen, wireOpen } from './dashboard/open.js';
import { refreshPlan, wirePlan } from './dashboard/plan.js';
import { refreshScorecard, wireScorecard } from './dashboard/scorecard.js';
import { refreshWatch } from './dashboard/watch.js';
import { refreshClosed, wireClosed } from './dashboard/closed.js';
import { openTimeline, closeTimeline, wireTimeline } from './dashboard/timeline.js';
import { connectStream, disconnect, setStream, pollStatus, renderStatus } from './dashboard/stream.js';
import { reporterUnit, openSchool, closeSchool, renderSchool, schoolShown, wireSchool } from './dashboard/school.js';

async function signIn(token) {
    state.token = token;
    $('sign-in-error').textContent = '';
    // A school's own account (unit-reporter) gets its own view; the payload only chooses it, the servers decide.
    const school = reporterUnit(token);
    try {
        if (school !== null) {
            await openSchool(school);
            sessionStorage.setItem('dvc.token', token);
            $('sign-in').hidden = true;
            $('sign-out').hidden = false;
            $('school-title').focus();
            return;
        }
        // The status says the server's time: the department's today, for the pickers and the period.
        const [units, status] = await Promise.all([json('/api/v1/units'), json('/api/v1/dashboard/status')]);
        state.units = units;
        learnToday(status.asOf);
    } catch (error) {
        state.token = null;
        sessionStorage.removeItem('dvc.token');
        $('sign-in-error').textContent = error instanceof HttpError
            ? t(error.status === 403 ? 'forbidden' : 'badToken') : t('unreachable');
        return;
    }
    sessionStorage.setItem('dvc.token', token);
    $('sign-in').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    fillPickers();
    fillUnits();
    await refreshAll();
    connectStream();
    pollStatus();
}

function signOut(message) {
    state.token = null;
    sessionStorage.removeItem('dvc.token');
    disconnect();
    closeTimeline();
    closeSchool();
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('token').value = '';
    $('sign-in-error').textContent = message || '';
    $('token').focus();
}

async function refreshAll() {
    describeReports();
    await Promise.all([refreshOpen(), refreshCards(), refreshPlan(), refreshScorecard(), refreshWatch(), refreshClosed()]);
    await refreshDetail();
}

function onScopeChange() {
    state.page = 0;
    $('report-state').textContent = '';
    $('open-export-state').textContent = '';
    describeReports();
    refreshOpen();
    refreshPlan();
    refreshScorecard();
    refreshWatch();
    refreshClosed();
    refreshCards().then(refreshDetail);
}

/** The scope picker taken to a unit (a unit of the board's ranking), as if the official had chosen it there. */
function moveScope(code) {
    $('unit').value = code;
    onScopeChange();
}

function switchLanguage() {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    sessionStorage.setItem('dvc.lang', state.lang);
    applyLanguage();
    fillPickers();
    if (state.token && schoolShown()) {
        renderSchool();
    } else if (state.token) {
        fillUnits();
        setStream(state.stream ? (state.streamUp ? 'live' : 'down') : 'down');
        if (state.asOf) {
            markUpdated(state.asOf);
        }
        renderStatus();
        renderCards();
        refreshAll();
    }
}

function start() {
    onRefused(signOut);
    applyLanguage();
    fillPickers();
    $('lang').addEventListener('click', switchLanguage);
    $('sign-in-form').addEventListener('submit', (event) => {
        event.preventDefault();
        signIn($('token').value.trim());
    });
    $('sign-out').addEventListener('click', () => signOut(''));
    $('period-kind').addEventListener('change', () => { showPeriodFields(); onScopeChange(); });
    ['year', 'quarter', 'month', 'from', 'to', 'unit'].forEach((id) => $(id).addEventListener('change', onScopeChange));
    // A card's title is a button that opens its indicator's detail.
    $('cards').addEventListener('click', (event) => {
        const open = event.target.closest('#cards > li h3 button');
        if (open) {
            select(open.closest('li').dataset.indicator, true);
        }
    });
    $('indicator').addEventListener('change', () => select($('indicator').value, false));
    $('granularity').addEventListener('change', () => refreshTrend($('indicator').value));
    $('drill-set').addEventListener('change', () => { state.page = 0; refreshDrill($('indicator').value); });
    $('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); refreshDrill($('indicator').value); });
    $('next').addEventListener('click', () => { state.page += 1; refreshDrill($('indicator').value); });
    document.querySelectorAll('button.report').forEach((b) => b.addEventListener('click', () => download(b.dataset.format)));
    wireOpen(moveScope);
    wirePlan();
    // A criterion's lost points: its indicator's detail, the gap list chosen (the drill-down of the detail, reused).
    wireScorecard((indicator) => {
        $('drill-set').value = 'gap';
        select(indicator, true);
    }, moveScope);
    wireTimeline();
    wireClosed();
    wireSchool();
    // Any dossier code on the page (the board's list, the drill-down) opens that dossier's timeline.
    $('dashboard').addEventListener('click', (event) => {
        const code = event.target.closest('button[data-dossier]');
        if (code) {
            openTimeline(code.dataset.dossier, code);
        }
    });

    // #token=... signs in (on load, or pasted into the address of the open page), then leaves the address bar.
    window.addEventListener('hashchange', () => {
        const pasted = tokenFromAddress();
        if (pasted) {
            signIn(pasted);
        }
    });
    const token = tokenFromAddress() || sessionStorage.getItem('dvc.token');
    if (token) {
        signIn(token);
    } else {
        $('token').focus();
    }
}

/**
 * The token of a #token=... address, removed from the address bar and the history at once. A fragment is never sent to
 * the server (no access log, no Referer); a token in the query string (?token=) would be, so it is not read.
 */
function tokenFromAddress() {
    const url = new URL(window.location.href);
    const fragment = new URLSearchParams(url.hash.startsWith('#') ? url.hash.substring(1) : url.hash);
    const token = fragment.get('token');
    if (!token) {
        return null;
    }
    fragment.delete('token');
    const rest = fragment.toString();
    window.history.replaceState(null, '', url.pathname + url.search + (rest ? '#' + rest : ''));
    return token;
}

start();
