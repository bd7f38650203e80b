/** The service's REST API, with the token: answers, and errors as the server words them (problem+json). */
import { state } from './state.js';
import { t } from './i18n.js';

export class HttpError extends Error {
    constructor(status, detail) {
        super(detail || `HTTP ${status}`);
        this.status = status;
    }
}

/** The token is not (or no longer) valid, or may not read: the page must sign out. */
export const refusal = (error) => error instanceof HttpError && (error.status === 401 || error.status === 403);

let signOut = () => {};

/** What to do when the server refuses the token: set once by the entry point (it signs out, with a message). */
export function onRefused(handler) {
    signOut = handler;
}

/** Signs out with the words of a 401 (the session expired) or a 403 (the token may not read). */
export function refused(status) {
    signOut(t(status === 401 ? 'expired' : 'forbidden'));
}

export async function api(path, params, accept) {
    const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== null && v !== undefined && v !== ''));
    const response = await fetch(path + (query.toString() ? '?' + query : ''), {
        headers: { Authorization: 'Bearer ' + state.token, Accept: accept || 'application/json' }
    });
    if (!response.ok) {
        throw await problem(response);
    }
    return response;
}

async function problem(response) {
    let detail = '';
    try {
        const body = await response.json();
        detail = (body.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ') || body.detail || body.title || '';
    } catch (ignored) {
        // not problem+json
    }
    return new HttpError(response.status, detail);
}

/**
 * POSTs a JSON body with the token, to this service or another (dossier-service, for a school's reports): the answer as
 * it came, whatever its status, for the caller to read (a refusal there names fields of a form).
 */
export function post(url, body) {
    return fetch(url, {
        method: 'POST', body: JSON.stringify(body),
        headers: { Authorization: 'Bearer ' + state.token, 'Content-Type': 'application/json', Accept: 'application/json' }
    });
}

export async function json(path, params) {
    return (await api(path, params)).json();
}

/** A refused token signs out; any other error is said where the part of the page that asked shows it. */
export function failed(error, where) {
    if (refusal(error)) {
        refused(error.status);
        return;
    }
    where.textContent = error instanceof HttpError ? error.message : t('unreachable');
}

/** Whether the token says it is an admin's (only for what the page offers: the server decides). */
export function isAdmin() {
    try {
        const payload = state.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const claims = JSON.parse(atob(payload + '='.repeat((4 - payload.length % 4) % 4)));
        return Array.isArray(claims.groups) && claims.groups.includes('admin');
    } catch (ignored) {
        return false;
    }
}
