import type { TFunction } from 'i18next';
import type { RoutingFactsBody } from '../../../modules/tips/tip.schema.ts';

// How a tip's district was chosen, in the officer's language (English or Urdu), from the routing's facts
// (src/modules/tips/tip.routing.ts): the sentences are the catalogue's (`tips.routingFacts.*`), the values
// (district and place names, coordinates, a phone number) put in as they are. The API's English `detail` is the
// same evidence in English words; nothing here reads it.

/** One line per piece of evidence, the one that routed the tip first. */
export function routingLines(facts: RoutingFactsBody | undefined, method: string | undefined, t: TFunction): string[] {
  if (!facts) return [];
  const lines: string[] = [];
  const list = t('tips.routingFacts.listSeparator');
  const c = facts.coordinates;
  const at = c ? { latitude: String(c.latitude), longitude: String(c.longitude) } : null;
  const coordinates = () => {
    if (!c || !at) return;
    if (c.unused) {
      lines.push(t(`tips.routingFacts.coordinatesUnused.${c.unused}`, at));
      return;
    }
    const base = c.district ? t('tips.routingFacts.coordinates', { ...at, district: c.district })
      : c.covers.length ? t('tips.routingFacts.coordinatesOutline', { ...at, outline: c.outline, covers: c.covers.join(list) })
        : t('tips.routingFacts.coordinatesNoDistrict', { ...at, outline: c.outline });
    const beside = c.noBranch ? t('tips.routingFacts.noBranch') : c.agrees === true ? t('tips.routingFacts.agrees')
      : c.consistent ? t('tips.routingFacts.consistent') : c.agrees === false ? t('tips.routingFacts.disagrees') : '';
    lines.push(beside ? `${base}: ${beside}` : base);
    if (c.near) {
      const n = { km: String(c.near.edgeKm), margin: String(c.near.marginKm) };
      lines.push(c.near.nearby.length
        ? t('tips.routingFacts.near', { ...n, nearby: c.near.nearby.map((o) => `${o.name} ${o.km} km`).join(list) })
        : t('tips.routingFacts.nearEdge', n));
    }
    if (c.alone) lines.push(t('tips.routingFacts.alone'));
    if (c.estimated) lines.push(t('tips.routingFacts.estimated'));
    if (c.district && c.covers.length) lines.push(t('tips.routingFacts.covers', { district: c.district, covers: c.covers.join(list) }));
  };
  const place = () => {
    if (!facts.place) return;
    const base = t('tips.routingFacts.place', { place: facts.place.name });
    const beside = facts.place.agrees === true ? t('tips.routingFacts.agrees') : facts.place.agrees === false ? t('tips.routingFacts.placeDisagrees') : '';
    lines.push(beside ? `${base}: ${beside}` : base);
  };
  switch (method) {
    case 'district':
      lines.push(t('tips.routingFacts.named', { district: facts.named ?? facts.district }));
      coordinates();
      break;
    case 'coordinates':
      coordinates();
      place();
      if (facts.landline?.agrees) {
        const l = facts.landline;
        lines.push(t('tips.routingFacts.landlineAgrees', { phone: l.phone, code: `0${l.areaCode}`, district: l.district }));
        if (!l.confirmed) lines.push(t('tips.routingFacts.landlineUnconfirmed', { source: l.source }));
      }
      break;
    case 'city':
      place();
      coordinates();
      break;
    case 'area_code':
      if (facts.landline) {
        const l = facts.landline;
        lines.push(t('tips.routingFacts.landline', { phone: l.phone, code: `0${l.areaCode}`, district: l.district }));
        lines.push(t(l.confirmed ? 'tips.routingFacts.landlineConfirmed' : 'tips.routingFacts.landlineUnconfirmed', { source: l.source }));
      }
      coordinates();
      break;
    default:
      lines.push(t('tips.routingFacts.none'));
      coordinates();
  }
  return lines;
}
