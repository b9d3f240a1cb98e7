import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

/** Label, control, hint and error wired together for screen readers (aria-describedby, aria-invalid). */
function Frame({ id, label, error, hint, required, children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="req"> *</span> : null}
      </label>
      {children}
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      <p className="field-error" id={`${id}-error`} data-field-error={error ? 'true' : undefined}>
        {error ?? ''}
      </p>
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

type InputProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & { onValue?: (v: string) => void; onChange?: InputHTMLAttributes<HTMLInputElement>['onChange'] };

export function TextField({ label, error, hint, required, id: given, onValue, onChange, ...rest }: InputProps) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={required}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={onChange ?? ((e) => onValue?.(e.target.value))}
        {...rest}
      />
    </Frame>
  );
}

type AreaProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> & { onValue?: (v: string) => void };

export function TextArea({ label, error, hint, required, id: given, onValue, rows = 4, ...rest }: AreaProps) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={required}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue?.(e.target.value)}
        {...rest}
      />
    </Frame>
  );
}

type SelectProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & {
  onValue?: (v: string) => void;
  options: Array<{ value: string; label: string }>;
  placeholder?: string;
};

export function SelectField({ label, error, hint, required, id: given, onValue, options, placeholder, ...rest }: SelectProps) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={required}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue?.(e.target.value)}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

interface CheckListProps {
  legend: string;
  name: string;
  options: Array<{ value: string; label: string; hint?: string }>;
  selected: string[];
  onChange: (values: string[]) => void;
  error?: string;
  empty?: string;
}

/** A group of checkboxes in a fieldset; the error is announced with the legend. */
export function CheckList({ legend, name, options, selected, onChange, error, empty }: CheckListProps) {
  const id = useId();
  const toggle = (v: string, on: boolean) => onChange(on ? [...selected, v] : selected.filter((x) => x !== v));
  return (
    <fieldset className={error ? 'field checklist field-invalid' : 'field checklist'} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {options.length === 0 && empty ? <p className="muted">{empty}</p> : null}
      <div className="checklist-items">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" name={name} value={o.value} checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            <span>
              {o.label}
              {o.hint ? <span className="muted small"> {o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <p className="field-error" id={`${id}-error`} data-field-error={error ? 'true' : undefined}>
        {error ?? ''}
      </p>
    </fieldset>
  );
}
