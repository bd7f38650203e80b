// The widget's page (/public/widget.html?unit=CODE&indicator=ID&lang=vi|en): one unit's figures against the plan and
// their freshness, for a school's website to frame. Reads only the public endpoint.
const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'vi';
const TEXT = {
    vi: { asOf: 'Cập nhật', target: 'chỉ tiêu', failed: 'Không tải được số liệu.', source: 'Nguồn: Sở GDĐT Hải Phòng' },
    en: { asOf: 'Updated', target: 'target', failed: 'The figures could not be loaded.', source: 'Source: Hai Phong DoET' }
};

function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
}

async function show() {
    document.documentElement.lang = lang;
    const box = document.getElementById('widget');
    const query = new URLSearchParams();
    ['unit', 'indicator', 'year'].forEach(k => { if (params.get(k)) query.set(k, params.get(k)); });
    try {
        const response = await fetch(`/api/v1/public/indicators?${query}`);
        if (!response.ok) throw new Error(String(response.status));
        const data = await response.json();
        const unit = data.units[0];
        const card = el('div', null, 'widget-card');
        card.append(el('h2', unit ? unit.name : ''));
        (unit ? unit.indicators : []).forEach(i => {
            const row = el('div', null, 'figure');
            row.dataset.indicator = i.id;
            row.append(el('span', i.name[lang]));
            const value = i.value === null ? '—' : `${i.value}%`;
            const target = i.target === null ? '' : ` (${TEXT[lang].target} ${i.target}%)`;
            row.append(el('span', value + target, 'value ' + (i.met === true ? 'met' : i.met === false ? 'unmet' : '')));
            card.append(row);
        });
        const when = new Date(data.lastEventAt || data.asOf).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB',
            { timeZone: 'Asia/Ho_Chi_Minh' });
        card.append(el('p', `${TEXT[lang].asOf} ${when} · ${TEXT[lang].source}`, 'hint freshness'));
        box.replaceChildren(card);
    } catch (e) {
        box.replaceChildren(el('p', TEXT[lang].failed, 'error'));
    }
}

show();
