/**
 * Live: the stream of changed indicators, and the freshness of the data (the status, polled). The stream is read
 * with fetch, not EventSource: an EventSource cannot send the token in the Authorization header.
 */
import { state } from './state.js';
import { $ } from './dom.js';
import { t, clock, dayText, duration } from './i18n.js';
import { json, refusal, refused, failed } from './api.js';
import { isStreamScope, learnToday } from './scope.js';
import { refreshCards, renderCards, markUpdated } from './cards.js';
import { refreshDetail } from './detail.js';
import { refreshOpen } from './open.js';
import { refreshScorecard } from './scorecard.js';

const STATUS_EVERY_MS = 30000;

export async function connectStream() {
    if (!state.token || state.stream) {
        return;
    }
    const controller = new AbortController();
    state.stream = controller;
    setStream('connecting');
    let retry = 3000;
    while (state.stream === controller) {
        try {
            const response = await fetch('/api/v1/indicators/stream', {
                headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' }, signal: controller.signal
            });
            if (response.status === 401 || response.status === 403) {
                refused(response.status);
                return;
            }
            if (!response.ok || !response.body) {
                throw new Error('HTTP ' + response.status);
            }
            setStream('live');
            retry = 3000;
            await readEvents(response.body, onLive);
        } catch (error) {
            if (controller.signal.aborted) {
                return;
            }
        }
        if (state.stream !== controller) {
            return;
        }
        setStream('down');
        await new Promise((resolve) => setTimeout(resolve, retry));
        retry = Math.min(retry * 2, 30000);
    }
}

/** Stops the stream and the status poll (signing out). */
export function disconnect() {
    if (state.stream) {
        state.stream.abort();
        state.stream = null;
    }
    state.streamScope = null;
    clearTimeout(state.statusTimer);
}

/** Server-Sent Events from a byte stream: each event's data lines, joined, to {@code handle}. */
async function readEvents(body, handle) {
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8');
    let buffer = '';
    for (;;) {
        const { value, done } = await reader.read();
        if (done) {
            return;
        }
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.substring(0, end);
            buffer = buffer.substring(end + 2);
            const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.substring(5).trim()).join('\n');
            if (data) {
                handle(JSON.parse(data));
            }
        }
    }
}

/**
 * Each message carries the stream's scope (from, to, unit): its changed cards are replaced at once when that is
 * the view, otherwise the message is a cue to re-read the cards. The detail below follows, at most every 2 s.
 */
function onLive(message) {
    state.streamScope = { from: message.from, to: message.to, unit: message.unit };
    learnToday(message.asOf);
    if (isStreamScope() && state.indicators.length) {
        const changed = new Map(message.indicators.map((v) => [v.id, v]));
        state.indicators = state.indicators.map((v) => changed.get(v.id) || v);
        markUpdated(message.asOf);
        renderCards();
        scheduleRefresh(false);
    } else {
        scheduleRefresh(true);
    }
    pollStatus();
}

/** Throttled, not debounced: under a steady flow of events the view is still re-read every 2 s. */
function scheduleRefresh(cards) {
    state.refreshCards = state.refreshCards || cards;
    if (state.refreshTimer) {
        return;
    }
    state.refreshTimer = setTimeout(async () => {
        const withCards = state.refreshCards;
        state.refreshTimer = null;
        state.refreshCards = false;
        // The board is not the stream's: any change may move a dossier from one state to another.
        const board = refreshOpen();
        // Nor is the scorecard: its points follow the indicators it scores, which any event may move.
        const scorecard = refreshScorecard();
        if (withCards) {
            await refreshCards();
        }
        await Promise.all([board, scorecard, refreshDetail()]);
    }, 2000);
}

export function setStream(mode) {
    state.streamUp = mode === 'live';
    const node = $('stream-state');
    node.className = mode === 'live' ? 'live' : mode === 'down' ? 'down' : '';
    node.dataset.mode = mode;
    node.textContent = t(mode === 'live' ? 'streamLive' : mode === 'down' ? 'streamDown' : 'streamConnecting');
}

export async function pollStatus() {
    clearTimeout(state.statusTimer);
    if (!state.token) {
        return;
    }
    try {
        const status = await json('/api/v1/dashboard/status');
        const previous = state.status;
        state.status = status;
        learnToday(status.asOf);
        renderStatus();
        // An event the stream cannot show (another period or unit): re-read the view.
        if (previous && previous.lastEventAt !== status.lastEventAt && !isStreamScope()) {
            scheduleRefresh(true);
        } else if (previous) {
            // Open dossiers change state with time alone (a due passes): the board is re-read at each poll.
            refreshOpen();
        }
    } catch (error) {
        if (refusal(error)) {
            failed(error, $('stale'));
            return;
        }
    }
    state.statusTimer = setTimeout(pollStatus, STATUS_EVERY_MS);
}

export function renderStatus() {
    const status = state.status;
    if (!status) {
        return;
    }
    const limit = duration(status.staleAfter);
    const last = status.lastEventAt ? `${clock(status.lastEventAt)} ${dayText(status.lastEventAt.substring(0, 10))}` : null;
    $('last-event').textContent = last ? t('lastEvent', last) : t('noEvent');
    const stale = $('stale');
    stale.hidden = !status.stale;
    stale.textContent = status.stale ? (last ? t('stale', last, limit) : t('staleNever', limit)) : '';
    // The server's consumer has closed, holds no partition or has stalled: fresh-looking numbers are not moving.
    const stopped = $('not-counting');
    const counting = status.counting !== false;
    stopped.hidden = counting;
    stopped.textContent = counting ? '' : t('notCounting', status.consumer ? status.consumer.state : '', status.consumer ? status.consumer.lag : 0);
}
