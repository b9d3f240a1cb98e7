import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../../ui/index.ts';
import { noFilters, type GraphFilters } from '../graph-model.ts';
import { useGraphLabels } from './labels.ts';
import { typeColor } from './graph-style.ts';

const swatch = (key: string) => (key.startsWith('entity.') ? typeColor('entity', key.slice(7)) : typeColor(key));

interface Props {
  kinds: { nodeKinds: string[]; linkKinds: string[] };
  filters: GraphFilters;
  onChange(f: GraphFilters): void;
}

const toggled = (set: ReadonlySet<string>, key: string, shown: boolean) => {
  const next = new Set(set);
  if (shown) next.delete(key);
  else next.add(key);
  return next;
};

/** Kinds of node and link present in the drawing, each a checkbox, and the period links were observed in. */
export function FiltersPanel({ kinds, filters, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useGraphLabels();
  const fromId = useId();
  const toId = useId();
  const any = filters.hiddenNodeKinds.size > 0 || filters.hiddenLinkKinds.size > 0 || !!filters.from || !!filters.to;
  return (
    <Panel title={t('graph.filters')}>
      <div className="stack graph-filters" data-testid="graph-filters">
        <fieldset className="field">
          <legend>{t('graph.nodeKinds')}</legend>
          <div className="checklist-items">
            {kinds.nodeKinds.map((k) => (
              <label key={k} className="check">
                <input type="checkbox" checked={!filters.hiddenNodeKinds.has(k)} onChange={(e) => onChange({ ...filters, hiddenNodeKinds: toggled(filters.hiddenNodeKinds, k, e.target.checked) })} />
                <span className="graph-swatch" style={{ background: swatch(k) }} aria-hidden="true" /> {labels.filterKey(k)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('graph.linkKinds')}</legend>
          <div className="checklist-items">
            {kinds.linkKinds.map((k) => (
              <label key={k} className="check">
                <input type="checkbox" checked={!filters.hiddenLinkKinds.has(k)} onChange={(e) => onChange({ ...filters, hiddenLinkKinds: toggled(filters.hiddenLinkKinds, k, e.target.checked) })} />
                {labels.edgeKind(k)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{t('graph.period')}</legend>
          <div className="row">
            <div className="field">
              <label htmlFor={fromId}>{t('graph.periodFrom')}</label>
              <input id={fromId} type="date" value={filters.from ?? ''} max={filters.to || undefined} onChange={(e) => onChange({ ...filters, from: e.target.value || undefined })} />
            </div>
            <div className="field">
              <label htmlFor={toId}>{t('graph.periodTo')}</label>
              <input id={toId} type="date" value={filters.to ?? ''} min={filters.from || undefined} onChange={(e) => onChange({ ...filters, to: e.target.value || undefined })} />
            </div>
          </div>
        </fieldset>
        {any ? (
          <button type="button" className="btn" onClick={() => onChange(noFilters())}>
            {t('graph.clearFilters')}
          </button>
        ) : null}
      </div>
    </Panel>
  );
}
