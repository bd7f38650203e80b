/** The page's state, shared by its modules: one object, read and written where needed. */
export const state = {
    lang: sessionStorage.getItem('dvc.lang') || 'vi',
    token: null,
    units: [],
    indicators: [],
    asOf: null,
    /** The department's date today (yyyy-mm-dd) as the server last said it; null before the first answer. */
    today: null,
    status: null,
    /** The live stream's scope, {from, to, unit}, as its latest message said it; null before the first. */
    streamScope: null,
    streamUp: false,
    selected: 'online-submission',
    page: 0,
    chart: null,
    stream: null,
    statusTimer: null,
    refreshTimer: null,
    refreshCards: false,
    tickets: {},
    /** The board of open dossiers: the state the list is filtered by ('' for all), its page, and the unit last shown. */
    open: { state: '', page: 0, unit: null, asOf: null, calendar: null }
};

/**
 * Answers may come back out of order (a slow one for the scope or page chosen before): each part of the page
 * draws only the answer to its latest request. Returns whether this request is still the latest of its part.
 */
export function latest(part) {
    const ticket = (state.tickets[part] = (state.tickets[part] || 0) + 1);
    return () => ticket === state.tickets[part];
}
