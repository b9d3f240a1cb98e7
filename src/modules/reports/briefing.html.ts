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

export function briefingHtml(d: BriefingData): string {
  const op = d.operation;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>${BRIEFING_CSS}</style></head><body>
<header><h1>${esc(d.title)}</h1><p class="sub">${esc(d.area)} · ${esc(d.from)} to ${esc(d.to)} (days in ${esc(d.timeZone)}) · computed from the records on ${esc(d.generatedAt)}</p></header>
<p class="legend">Counts of 1 to 4 are shown as "&lt;5"; "x" marks a count hidden so that a small count cannot be worked out from the totals; "—" is not shown for fewer than 5 records.</p>
<section><h2>Headline figures</h2><div class="cards">${d.headline.map((h) => `<div class="card" data-figure="${esc(h.id)}"><b>${esc(h.value)}</b>${esc(h.label)}${h.note ? `<br><small>${esc(h.note)}</small>` : ''}</div>`).join('')}</div></section>
${op ? `<section><h2>Operation of the period: ${esc(op.district)}, ${esc(op.day)}</h2><p>${esc(op.name)} (${esc(op.province)})${op.durationHours !== null ? `, ${op.durationHours} hours` : ''}; with ${esc(op.agencies.join(', '))}.</p><table><tbody>${op.lines.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table><p class="note">${esc(op.note)}</p></section>` : '<section><h2>Operation of the period</h2><p>No operation was carried out in this period.</p></section>'}
${table(d.trends)}
${table(d.areas)}
${table(d.sentences)}
${table(d.care)}
${table(d.timeToCourt)}
<section><h2>Other counts, beside the agency's</h2><table><thead><tr><th scope="col">Period</th><th scope="col">What</th><th scope="col">Count</th><th scope="col">Source</th></tr></thead><tbody>${d.external
    .map((e) => `<tr><td>${esc(e.period)}</td><th scope="row">${esc(e.what)}<br><small>${esc(e.note)}</small></th><td>${esc(e.value)}</td><td><small>${esc(e.source)}</small></td></tr>`)
    .join('')}</tbody></table><p class="note">These are other organisations' counts: the civil-society count includes cases never reported to the agency, so it is not comparable one for one.</p></section>
<section><h2>How these figures were made</h2><ul>${d.definitions.map((f) => `<li><b>${esc(f.id)}</b> (version ${f.version}): ${esc(f.description)}</li>`).join('')}</ul>
<p>Offence catalogue version <span class="anchor">${esc(d.catalogueVersion)}</span>.</p>
<p>Audit trail anchor: entry ${d.anchor ? d.anchor.seq : '—'}, hash <span class="anchor">${esc(d.anchor?.hash ?? '—')}</span>.</p></section>
</body></html>`;
}
