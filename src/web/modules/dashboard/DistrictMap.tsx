import pakistanDistricts from '@svg-maps/pakistan.districts';
import { useTranslation } from 'react-i18next';
import { colourClass } from '../../../modules/stats/district-map.rules.ts';
import { useFormat } from '../../i18n/format.ts';
import type { MapAnswer } from './dashboard.api.ts';

// The district map: outlines of @svg-maps/pakistan.districts 2.0.0 (Unlicense), each shape coloured by the
// figure of the district it draws (the server's join). Geography is never mirrored in Urdu (dir="ltr").
// Shapes are not tab stops (about 140 of them): the district table beside the map carries every value and
// the drill-down buttons for keyboard and screen-reader users.
export function DistrictMap({ data, onDistrict, selected }: { data: MapAnswer; onDistrict?: (name: string) => void; selected: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const byShape = new Map(data.districts.filter((d) => d.shape !== null).map((d) => [d.shape!, d]));
  const classes = [0, 1, 2, 3, 4, 5];
  return (
    <figure className="district-map" data-testid="district-map">
      <div dir="ltr" className="district-map-canvas">
        <svg viewBox={data.outline.viewBox} role="img" aria-label={t('dashboard.mapLabel', { figure: t(`dashboard.figure.${data.figure.id}`, { defaultValue: data.figure.title }) })}>
          {pakistanDistricts.locations.map((loc) => {
            const d = byShape.get(loc.id);
            const cls = d ? colourClass(d.value, data.max) : null;
            const fill = d === undefined ? 'map-none' : cls === null ? 'map-hidden' : `map-c${cls}`;
            const label = d ? `${d.name}: ${d.display === '—' ? t('dashboard.outsideArea') : d.display}` : t('dashboard.shapeWithoutDistrict', { name: loc.name });
            return (
              <path
                key={loc.id}
                d={loc.path}
                data-shape={loc.id}
                data-value={d?.display ?? ''}
                className={[fill, d && selected === d.name ? 'map-selected' : '', d && onDistrict && (d.value ?? 0) > 0 ? 'map-clickable' : ''].join(' ')}
                onClick={d && onDistrict && (d.value ?? 0) > 0 ? () => onDistrict(d.name) : undefined}
              >
                <title>{label}</title>
              </path>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="map-legend" aria-label={t('dashboard.legend')}>
          {classes.map((c) => (
            <li key={c}>
              <span className={`map-swatch map-c${c}`} aria-hidden="true" />
              {c === 0 ? f.number(0) : `≤ ${f.number(Math.ceil((data.max * c) / 5))}`}
            </li>
          ))}
          {data.published ? (
            <li>
              <span className="map-swatch map-hidden" aria-hidden="true" />
              {t('dashboard.suppressedLegend')}
            </li>
          ) : null}
          <li>
            <span className="map-swatch map-none" aria-hidden="true" />
            {t('dashboard.noDistrictLegend')}
          </li>
        </ul>
        <p className="muted">{t('dashboard.outlineSource', { pkg: `${data.outline.package} ${data.outline.version}`, licence: data.outline.licence })}</p>
      </figcaption>
    </figure>
  );
}
