import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/index.ts';
import { fetchCases, type CaseSummary } from '../api/cases.api.ts';

/** How many cases a search shows: enough to pick from, few enough to read; typing more narrows it. */
export const CASE_PICKER_LIMIT = 10;
const DEBOUNCE_MS = 250;

const caseLabel = (c: Pick<CaseSummary, 'firLabel' | 'title'>) => `${c.firLabel ?? ''} ${c.title}`.trim();

function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

interface Props {
  label: string;
  /** The form's field name: a hidden input carries the chosen case's id under it. */
  name: string;
  /** The chosen case's id ('' for none). Set to '' from outside (a form reset) to clear the field. */
  value: string;
  onValue: (caseId: string) => void;
  error?: string;
  required?: boolean;
  /** Cases not to offer (e.g. those a victim is already linked to). */
  exclude?: readonly string[];
}

/**
 * Choosing a case by typing its FIR number ("77/2025") or words of its title: the server searches the cases the
 * officer may see (`GET /cases?q=`) as they type, so any case can be found however many there are. An ARIA
 * combobox: arrows move through the results, Enter picks, Escape closes.
 */
export function CasePickerField({ label, name, value, onValue, error, required, exclude = [] }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<CaseSummary | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const results = useQuery({
    queryKey: ['cases', 'pick', q],
    queryFn: () => fetchCases({ q: q || undefined, limit: CASE_PICKER_LIMIT + exclude.length }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  // Cleared from outside (the form was reset after saving): forget the case shown.
  useEffect(() => {
    if (value === '' && chosen) {
      setChosen(null);
      setText('');
    }
  }, [value, chosen]);

  const options = (results.data?.items ?? []).filter((c) => !exclude.includes(c.id)).slice(0, CASE_PICKER_LIMIT);
  const pick = (c: CaseSummary) => {
    setChosen(c);
    setText(caseLabel(c));
    setOpen(false);
    setActive(-1);
    onValue(c.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && open && options[active]) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };
  const waiting = results.isFetching || q !== text.trim();
  return (
    <div className="case-picker">
      <TextField
        label={label}
        name={`${name}-search`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 && options[active] ? `${listId}-${active}` : undefined}
        required={required}
        hint={t('casePicker.hint')}
        error={error}
        value={text}
        onValue={(v) => {
          setText(v);
          setOpen(true);
          setActive(-1);
          if (chosen) {
            setChosen(null);
            onValue('');
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <input type="hidden" name={name} value={value} />
      {open ? (
        <ul className="case-picker-list" id={listId} role="listbox" aria-label={t('casePicker.results')} aria-busy={waiting} data-testid="case-picker-options">
          {options.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              data-case-id={c.id}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
            >
              {c.firLabel ? <bdi dir="ltr" className="muted">{c.firLabel}</bdi> : null} <bdi>{c.title}</bdi>
              <span className="muted small"> · {c.district}</span>
            </li>
          ))}
          {options.length === 0 ? <li className="muted" aria-disabled="true">{waiting ? t('casePicker.searching') : t('casePicker.none')}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
