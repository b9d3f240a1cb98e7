import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Empty, Loading, Panel, Progress, SelectField, TextField } from '../../../ui/index.ts';
import { ApiError } from '../../../app/api-client.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import { translateMessage } from '../../../i18n/index.ts';
import { documentTypes } from '../../../../modules/documents/document.schema.ts';
import { downloadUrl, uploadDocument, uploadVersion, type DocumentItem, type DocumentOwner, type DocumentType } from '../api/documents.api.ts';
import { useDocuments, useRefreshDocuments } from '../hooks/use-documents.ts';

// The documents of one record (case, person, operation, hearing, or a victim's care record): each with its
// type, date and versions, every version with its SHA-256 and a download link (always saved, never opened in the
// page). Uploads show their progress; the server checks type, size and known-material hash sets.

type Sending = { sent: number; total: number } | null;

function useFileError() {
  const { t } = useTranslation();
  return (err: unknown): { field?: Record<string, string>; message: string } => {
    if (!(err instanceof ApiError)) return { message: t('errors.generic', { message: String(err) }) };
    if (err.code === 'network') return { message: t('errors.network') };
    if (err.status === 413) return { field: { file: t('documents.tooLarge') }, message: t('documents.tooLarge') };
    if (err.status === 415) return { field: { file: t('documents.wrongType') }, message: t('documents.wrongType') };
    const fileMsg = err.fieldErrors.file;
    if (fileMsg && fileMsg.includes('cannot be kept')) return { field: { file: t('documents.refused') }, message: t('documents.refused') };
    const field = Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, translateMessage(v)]));
    return { field, message: Object.keys(field).length ? t('common.fixErrors') : t('errors.generic', { message: err.message }) };
  };
}

function size(bytes: number, f: ReturnType<typeof useFormat>, t: (k: string, o?: Record<string, unknown>) => string) {
  if (bytes >= 1_048_576) return t('documents.sizeMb', { n: f.number(Math.round((bytes / 1_048_576) * 10) / 10) });
  if (bytes >= 1024) return t('documents.sizeKb', { n: f.number(Math.round(bytes / 1024)) });
  return t('documents.sizeBytes', { n: f.number(bytes) });
}

export function DocumentsPanel({ owner, title }: { owner: DocumentOwner; title?: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const docs = useDocuments(owner);
  return (
    <Panel title={title ?? t('documents.title')} className="documents-panel">
      {docs.isPending ? <Loading label={t('common.loading')} /> : null}
      {docs.error ? <QueryError error={docs.error} /> : null}
      {docs.data && docs.data.items.length === 0 ? <Empty>{t('documents.none')}</Empty> : null}
      {docs.data && docs.data.items.length > 0 ? (
        <ul className="plain documents-list" data-testid="documents-list">
          {docs.data.items.map((d) => (
            <DocumentRow key={d.id} owner={owner} doc={d} canWrite={can('document.write')} />
          ))}
        </ul>
      ) : null}
      {can('document.write') ? <UploadForm owner={owner} /> : null}
    </Panel>
  );
}

function DocumentRow({ owner, doc, canWrite }: { owner: DocumentOwner; doc: DocumentItem; canWrite: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const current = doc.versions[0];
  return (
    <li className="document" data-testid="document">
      <div>
        <strong>{doc.title}</strong> <span className="badge">{t(`documents.types.${doc.type}`)}</span>
        {doc.documentDate ? <span className="muted"> · {f.date(doc.documentDate)}</span> : null}
      </div>
      {current ? (
        <div className="small">
          <a href={downloadUrl(doc.id, current.version)} download={current.fileName} data-testid="document-download">
            <bdi>{current.fileName}</bdi>
          </a>{' '}
          <span className="muted">
            · {t('documents.versionN', { n: f.number(current.version) })} · {size(current.size, f, t)} · {f.dateTime(current.uploadedAt)}
            {current.uploadedBy ? <> · <bdi>{current.uploadedBy}</bdi></> : null}
          </span>
          <div className="muted">
            {t('documents.checksum')}: <code className="sha256" dir="ltr" data-testid="document-sha256">{current.sha256}</code>
          </div>
        </div>
      ) : null}
      {doc.versions.length > 1 ? (
        <details className="small">
          <summary>{t('documents.earlierVersions', { n: f.number(doc.versions.length - 1) })}</summary>
          <ul className="plain">
            {doc.versions.slice(1).map((v) => (
              <li key={v.version} data-testid="document-version">
                <a href={downloadUrl(doc.id, v.version)} download={v.fileName}>
                  {t('documents.versionN', { n: f.number(v.version) })}: <bdi>{v.fileName}</bdi>
                </a>{' '}
                <span className="muted">· {size(v.size, f, t)} · {f.dateTime(v.uploadedAt)}</span>
                <div className="muted">
                  {t('documents.checksum')}: <code className="sha256" dir="ltr">{v.sha256}</code>
                </div>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canWrite ? <NewVersion owner={owner} documentId={doc.id} /> : null}
    </li>
  );
}

function UploadProgress({ sending }: { sending: Sending }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!sending) return null;
  const label = sending.sent >= sending.total ? t('documents.checking') : t('documents.uploading', { sent: size(sending.sent, f, t), total: size(sending.total, f, t) });
  return (
    <div data-testid="upload-progress">
      <Progress label={label} done={sending.sent} total={sending.total} />
    </div>
  );
}

function NewVersion({ owner, documentId }: { owner: DocumentOwner; documentId: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshDocuments(owner);
  const fileError = useFileError();
  const input = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<Sending>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (file: File) => {
    setError(null);
    setSending({ sent: 0, total: file.size });
    try {
      await uploadVersion(documentId, file, (sent, total) => setSending({ sent, total }));
      refresh();
    } catch (err) {
      setError(fileError(err).message);
    } finally {
      setSending(null);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="document-new-version small">
      <label>
        {t('documents.newVersion')}{' '}
        <input ref={input} type="file" disabled={sending !== null} onChange={(e) => { const file = e.target.files?.[0]; if (file) void send(file); }} />
      </label>
      <UploadProgress sending={sending} />
      {error ? <Alert kind="error">{error}</Alert> : null}
    </div>
  );
}

function UploadForm({ owner }: { owner: DocumentOwner }) {
  const { t } = useTranslation();
  const refresh = useRefreshDocuments(owner);
  const fileError = useFileError();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<DocumentType | ''>('');
  const [date, setDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [sending, setSending] = useState<Sending>(null);
  const [fileKey, setFileKey] = useState(0); // a new key empties the file input

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setDone(null);
    const local: Record<string, string> = {};
    if (!title.trim()) local.title = t('messages.required');
    if (!type) local.type = t('messages.required');
    if (!file) local.file = t('documents.chooseFile');
    setErrors(local);
    if (Object.keys(local).length || !file || !type) return;
    setSending({ sent: 0, total: file.size });
    try {
      const doc = await uploadDocument(owner, { title: title.trim(), type, documentDate: date, file }, (sent, total) => setSending({ sent, total }));
      setDone(t('documents.uploaded', { title: doc.title }));
      setTitle('');
      setType('');
      setDate('');
      setFile(null);
      setFileKey((k) => k + 1);
      refresh();
    } catch (err) {
      const { field, message: m } = fileError(err);
      setErrors(field ?? {});
      setMessage(m);
    } finally {
      setSending(null);
    }
  };

  return (
    <form className="document-upload" onSubmit={(e) => void submit(e)} noValidate aria-label={t('documents.upload')}>
      <h3>{t('documents.upload')}</h3>
      <TextField label={t('documents.docTitle')} value={title} onValue={setTitle} error={errors.title} required maxLength={300} />
      <SelectField
        label={t('documents.type')}
        value={type}
        onValue={(v) => setType(v as DocumentType | '')}
        placeholder={t('documents.chooseType')}
        options={documentTypes.map((d) => ({ value: d, label: t(`documents.types.${d}`) }))}
        error={errors.type}
        required
      />
      <TextField label={t('documents.date')} type="date" value={date} onValue={setDate} error={errors.documentDate} />
      <TextField
        key={fileKey}
        label={t('documents.file')}
        type="file"
        hint={t('documents.fileHint')}
        error={errors.file}
        required
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        data-testid="document-file"
      />
      <UploadProgress sending={sending} />
      {message ? <Alert kind="error">{message}</Alert> : null}
      {done ? <Alert kind="success">{done}</Alert> : null}
      <Button type="submit" variant="primary" busy={sending !== null}>
        {t('documents.uploadButton')}
      </Button>
    </form>
  );
}
