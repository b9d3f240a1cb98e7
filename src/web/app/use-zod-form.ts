import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError, type FieldCode, type FieldErrors } from './api-client.ts';
import { translateField, translateMessage } from '../i18n/index.ts';

/** zod issues -> { "title": "at least 3 characters", "seizedItems.0.label": "required", "seizedItems": ... }. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    const full = path.join('.');
    // A missing value reads better as "required" than as zod's type message.
    const message = issue.code === 'invalid_type' && /received (undefined|NaN)$/.test(issue.message) ? 'required' : issue.message;
    out[full] ??= message;
    if (path.length > 1) out[path[0]] ??= message;
  }
  return out;
}

/**
 * A form validated as the user types with the same zod schema the API uses. Errors of a field show once
 * it has been touched (or on submit); the API's problem+json field errors show next to the same fields.
 */
export function useZodForm<V extends Record<string, unknown>, S extends z.ZodType>(schema: S, initial: V, toBody: (values: V) => unknown = (v) => v) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [serverCodes, setServerCodes] = useState<Record<string, FieldCode>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const parsed = useMemo(() => schema.safeParse(toBody(values)), [schema, values, toBody]);
  const clientErrors = useMemo(() => (parsed.success ? {} : issuesToFields(parsed.error.issues)), [parsed]);

  const error = useCallback(
    (name: string, touchedAs: string = name): string | undefined => {
      const client = touched[touchedAs] || submitted ? clientErrors[name] : undefined;
      if (client) return translateMessage(client);
      const server = serverErrors[name];
      return server ? translateField(server, serverCodes[name]) : undefined;
    },
    [clientErrors, serverErrors, serverCodes, touched, submitted],
  );

  const set = useCallback(<K extends keyof V & string>(name: K, value: V[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((t) => (t[name] ? t : { ...t, [name]: true }));
    setServerErrors((e) => {
      if (!(name in e)) return e;
      const { [name]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"] input, [aria-invalid="true"]:not(fieldset)')?.focus());

  const handleSubmit = (onValid: (body: z.output<S>) => Promise<unknown>) => async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setFormError(null);
    if (!parsed.success) {
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      await onValid(parsed.data);
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : new ApiError(0, 'error', String(err));
      setServerErrors(apiErr.fieldErrors);
      setServerCodes(apiErr.fieldCodes);
      setFormError(apiErr);
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  const reset = (next: V = initial) => {
    setValues(next);
    setTouched({});
    setSubmitted(false);
    setServerErrors({});
    setServerCodes({});
    setFormError(null);
  };

  return { values, set, error, handleSubmit, formRef, formError, busy, reset, valid: parsed.success };
}
