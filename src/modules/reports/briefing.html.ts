import { fillText, reportTexts } from '../../platform/text/report-texts.schema.ts';
import type { BriefingData, SimpleTable } from './briefing.data.ts';

// The briefing as one self-contained HTML page (the preview of the PDF): no script, no external resource,
// every value escaped. Inline styles only, so it is allowed by the app's Content-Security-Policy
// (style-src 'unsafe-inline' is not needed: one <style> element with a hash-free, static body).
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function table(t: SimpleTable): string {
  return `<section><h2>${esc(t.title)}</h2><table><thead><tr>${t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row">${esc(v)}</th>` : `<td>${esc(v)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>${t.note ? `<p class="note">${esc(t.note)}</p>` : ''}</section>`;
}

export const BRIEFING_CSS = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.6rem;margin:0}h2{font-size:1.15rem;border-bottom:2px solid #0b5d3b;padding-bottom:.2rem;margin-top:1.6rem}
.sub{color:#555}.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:.6rem}.card{border:1px solid #ccc;border-radius:6px;padding:.6rem}
.card b{display:block;font-size:1.6rem;color:#0b5d3b}.card small{color:#555}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.25rem .4rem;text-align:left}td{text-align:right}.note{color:#555;font-size:.9rem}
.anchor{font-family:monospace;word-break:break-all;font-size:.85rem}.legend{font-size:.9rem;color:#333;background:#f4f7f5;padding:.5rem}`;
/** Urdu: right to left, the web app's Urdu fonts, headers and labels at the start (right), figures at the end. */
const RTL_CSS = `body{font-family:'Noto Nastaliq Urdu','Noto Naskh Arabic','Noto Sans Arabic',serif;line-height:1.9}th{text-align:right}td{text-align:left}.anchor{direction:ltr;unicode-bidi:isolate}`;

export function briefingHtml(d: BriefingData): string {
  const op = d.operation;
  const T = reportTexts[d.lang].briefing;
  const rtl = d.lang === 'ur';
  return `<!doctype html><html lang="${rtl ? 'ur' : 'en'}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>${BRIEFING_CSS}${rtl ? RTL_CSS : ''}</style></head><body>
<header><h1>${esc(d.title)}</h1><p class="sub">${esc(fillText(T.subtitle, { area: d.area, from: d.from, to: d.to, timeZone: d.timeZone, at: d.generatedAt }))}</p></header>
<p class="legend">${esc(T.legend)}</p>
<section><h2>${esc(T.headlineTitle)}</h2><div class="cards">${d.headline.map((h) => `<div class="card" data-figure="${esc(h.id)}"><b>${esc(h.value)}</b>${esc(h.label)}${h.note ? `<br><small>${esc(h.note)}</small>` : ''}</div>`).join('')}</div></section>
${op ? `<section><h2>${esc(fillText(T.operationTitle, { district: op.district, day: op.day }))}</h2><p>${esc(fillText(T.operationLine, { name: op.name, province: op.province, hours: op.durationHours !== null ? fillText(T.operationHours, { hours: op.durationHours }) : '', agencies: op.agencies.join(', ') }))}</p><table><tbody>${op.lines.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table><p class="note">${esc(op.note)}</p></section>` : `<section><h2>${esc(T.operationNone)}</h2><p>${esc(T.operationNoneText)}</p></section>`}
${table(d.trends)}
${table(d.areas)}
${table(d.sentences)}
${table(d.care)}
${table(d.timeToCourt)}
<section><h2>${esc(T.externalTitle)}</h2><table><thead><tr><th scope="col">${esc(T.period)}</th><th scope="col">${esc(T.what)}</th><th scope="col">${esc(T.count)}</th><th scope="col">${esc(T.source)}</th></tr></thead><tbody>${d.external
    .map((e) => `<tr><td>${esc(e.period)}</td><th scope="row">${esc(e.what)}<br><small>${esc(e.note)}</small></th><td>${esc(e.value)}</td><td><small>${esc(e.source)}</small></td></tr>`)
    .join('')}</tbody></table><p class="note">${esc(T.externalNote)}</p></section>
<section><h2>${esc(T.definitionsTitle)}</h2>${T.definitionsLanguage ? `<p class="note">${esc(T.definitionsLanguage)}</p>` : ''}<ul>${d.definitions.map((f) => `<li><b>${esc(fillText(T.definition, { id: f.id, version: f.version }))}</b><span dir="ltr">${esc(f.description)}</span></li>`).join('')}</ul>
<p>${esc(fillText(T.catalogueVersion, { version: '' }))}<span class="anchor">${esc(d.catalogueVersion)}</span></p>
<p>${esc(fillText(T.anchor, { seq: d.anchor ? d.anchor.seq : '—', hash: '' }))}<span class="anchor">${esc(d.anchor?.hash ?? '—')}</span></p></section>
</body></html>`;
}
