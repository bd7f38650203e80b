// One <script> tag for a school's website:
//   <script src="https://dvc.haiphong.edu.vn/public/widget.js" data-unit="THPT-NQ" data-indicator="online-submission" async></script>
// puts the widget (an <iframe> of /public/widget.html, served from this service) where the tag is. The host page's own
// Content-Security-Policy, if it has one, must allow this origin in script-src and frame-src.
(function () {
    const script = document.currentScript;
    if (!script) return;
    const origin = new URL(script.src).origin;
    const query = new URLSearchParams();
    ['unit', 'indicator', 'year', 'lang'].forEach(k => { if (script.dataset[k]) query.set(k, script.dataset[k]); });
    const frame = document.createElement('iframe');
    frame.src = `${origin}/public/widget.html?${query}`;
    frame.title = script.dataset.title || 'Dịch vụ công trực tuyến — Sở GDĐT Hải Phòng';
    frame.loading = 'lazy';
    frame.width = script.dataset.width || '360';
    frame.height = script.dataset.height || '320';
    frame.style.border = '0';
    script.after(frame);
})();
