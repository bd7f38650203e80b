/** The reports to the city: the three downloads of reports/plan for the chosen unit and year. */
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

export async function download(format) {
    $('report-state').textContent = t('downloading');
    try {
        const response = await api('/api/v1/reports/plan', { year: reportYear(), unit: $('unit').value, format }, '*/*');
        const disposition = response.headers.get('Content-Disposition') || '';
        const match = /filename="([^"]+)"/.exec(disposition);
        const filename = match ? match[1] : `bao-cao.${format}`;
        const url = URL.createObjectURL(await response.blob());
        const link = el('a', { href: url, download: filename });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        $('report-state').textContent = t('downloaded', filename);
    } catch (error) {
        failed(error, $('report-state'));
        if (error instanceof HttpError && !refusal(error)) {
            $('report-state').textContent = t('failed', error.message);
        }
    }
}
