/** The indicator cards: each indicator's value, target, verdict, counts and how many more meet the target. */
import { state, latest } from './state.js';
import { $, el } from './dom.js';
import { t, word, number, percent, dayText, clock } from './i18n.js';
import { json, failed } from './api.js';
import { scope, learnToday } from './scope.js';

/** met; close: within 90% of the target; behind; none: no target or no value. */
export function standing(v) {
    if (v.target === null || v.value === null) {
        return 'none';
    }
    if (v.met) {
        return 'met';
    }
    return v.value >= 0.9 * v.target ? 'close' : 'behind';
}

/** The verdict in words, for a card or a row of the ranking. */
export function verdict(v) {
    const kind = standing(v);
    return kind === 'none' ? (v.target === null ? t('noTarget') : t('noData')) : t(kind);
}

export async function refreshCards() {
    const s = scope();
    $('period-text').textContent = t('period', dayText(s.from), dayText(s.to));
    $('filter-error').textContent = '';
    if (!s.from || !s.to || s.from > s.to) {
        $('filter-error').textContent = t('fromAfterTo');
        return;
    }
    const current = latest('cards');
    try {
        const response = await json('/api/v1/indicators', s);
        if (!current()) {
            return;
        }
        state.indicators = response.indicators;
        markUpdated(response.asOf);
        renderCards();
    } catch (error) {
        failed(error, $('filter-error'));
    }
}

/** "Cập nhật lúc hh:mm:ss": the server's time of the numbers shown. */
export function markUpdated(asOf) {
    state.asOf = asOf;
    learnToday(asOf);
    $('updated').textContent = t('updated', clock(asOf));
}

/** The cards, and the detail's indicator picker, from state.indicators. */
export function renderCards() {
    const list = $('cards');
    list.replaceChildren();
    for (const v of state.indicators) {
        list.append(card(v));
    }
    const indicator = $('indicator');
    const chosen = indicator.value || state.selected;
    indicator.replaceChildren(...state.indicators.map((v) => new Option(v.name[state.lang], v.id)));
    indicator.value = chosen;
}

/** One card. What it counts (v.subject) and how many more (v.needed) are the server's. */
function card(v) {
    const kind = standing(v);
    const name = v.name[state.lang];
    const li = el('li', { class: `card ${kind}`, 'data-indicator': v.id });
    const title = el('h3');
    // Opens the indicator's detail: the entry point listens for these clicks on #cards.
    title.append(el('button', { type: 'button', class: 'link', 'aria-label': t('showDetail', name) }, name));
    li.append(title);
    const figure = el('p', { class: 'figure' });
    figure.append(el('span', { class: 'value' }, percent(v.value)),
        el('span', { class: 'target' }, v.target === null ? t('noTarget') : t('target', percent(v.target))));
    li.append(figure);
    const fill = Math.max(0, Math.min(100, v.value || 0));
    const bar = el('div', {
        class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
        'aria-valuenow': String(v.value === null ? 0 : v.value), 'aria-valuetext': percent(v.value), 'aria-label': t('progress', name)
    });
    // Sizes through the CSSOM, not a style attribute: the page's policy (style-src 'self') refuses inline styles.
    const filled = el('span', { class: 'fill' });
    filled.style.width = `${fill}%`;
    bar.append(filled);
    if (v.target !== null) {
        const mark = el('span', { class: 'mark', 'aria-hidden': 'true' });
        mark.style.left = `calc(${Math.min(100, v.target)}% - 1px)`;
        bar.append(mark);
    }
    li.append(bar);
    li.append(el('p', { class: 'state' }, verdict(v)));
    li.append(el('p', { class: 'counts' }, v.denominator === null
        ? `${number(v.numerator)} ${word(v.subject, v.numerator)} — ${t('unknownDenominator')}`
        : t('ofWhich', number(v.numerator), number(v.denominator), word(v.subject, v.denominator))));
    if (v.needed !== null && v.needed !== undefined) {
        li.append(el('p', { class: 'needed' }, v.needed === 0 ? t('reached') : t('needed', number(v.needed), word(v.subject, v.needed))));
    }
    return li;
}
