/** The reports to the city: the three downloads of reports/plan for the chosen unit and year; and any file the API serves. */
import { state } from './state.js';
import { $, el } from './dom.js';
import { t } from './i18n.js';
import { api, failed, refusal, HttpError } from './api.js';
import { period } from './scope.js';

/** The report covers a year: the year of the period's end. */
const reportYear = () => period().to.substring(0, 4);

export function describeReports() {
    const unit = state.units.find((u) => u.code === $('unit').value);
    $('reports-text').textContent = t('reportsText', reportYear(), unit ? unit.name : t('allUnits'));
}

export function download(format) {
    return saveFile('/api/v1/reports/plan', { year: reportYear(), unit: $('unit').value, format }, `bao-cao.${format}`, $('report-state'));
}

/**
 * Fetches a file with the token (a plain link cannot send it) and hands it to the browser as a download, named as the
 * server's Content-Disposition says; {@code where} says how it went.
 */
export async function saveFile(path, params, fallbackName, where) {
    where.textContent = t('downloading');
    try {
        const response = await api(path, params, '*/*');
        const disposition = response.headers.get('Content-Disposition') || '';
        const match = /filename="([^"]+)"/.exec(disposition);
        const filename = match ? match[1] : fallbackName;
        const url = URL.createObjectURL(await response.blob());
        const link = el('a', { href: url, download: filename });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        where.textContent = t('downloaded', filename);
    } catch (error) {
        failed(error, where);
        if (error instanceof HttpError && !refusal(error)) {
            where.textContent = t('failed', error.message);
        }
    }
}
