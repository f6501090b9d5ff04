import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { REPORT_TYPES } from '../../../../src/domain/public/citizen-report';
import { labelOf, t } from './open-i18n';
import { PhotoPicker } from './PhotoPicker';
import { solveChallenge } from './proof-of-work';
import { getChallenge, getRegions, type Submitted, submitReport, uploadPhoto } from './report-api';
import { OpenApiError } from '../api';
import './report.css';

export { TrackPage } from './TrackPage';

type Fields = { type: string; regionCode: string; address: string; lon: string; lat: string; description: string; contactName: string; contactPhone: string };
type FieldName = keyof Fields;
const EMPTY: Fields = { type: 'pollution', regionCode: '', address: '', lon: '', lat: '', description: '', contactName: '', contactPhone: '' };

type Phase = { kind: 'idle' } | { kind: 'working'; percent: number } | { kind: 'sending' } | { kind: 'uploading'; done: number; total: number };

/** A labelled field with its error next to it (aria-describedby), for the phone-sized form. */
function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (a: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="report-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="report-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, describedBy, invalid: !!error })}
      {error && (
        <p className="report-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** 举报与建议: the public form (no login). On submit: solve the challenge, send the report, upload the photos. */
export function ReportPage() {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [done, setDone] = useState<{ submitted: Submitted; photoErrors: string[] } | null>(null);
  const [regions, setRegions] = useState<{ code: string; name: string }[]>([]);
  const [locating, setLocating] = useState(false);

  useEffect(() => {
    getRegions().then(setRegions, () => setRegions([]));
  }, []);

  // Editing a field clears its error: the next submit checks it again.
  const set = (name: FieldName) => (e: { target: { value: string } }) => {
    setFields((f) => ({ ...f, [name]: e.target.value }));
    setErrors((prev) => (prev[name] ? { ...prev, [name]: undefined } : prev));
  };

  function locate() {
    if (!navigator.geolocation) return setErrors((e) => ({ ...e, lon: t('reports.open.locateFailed') }));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setFields((f) => ({ ...f, lon: p.coords.longitude.toFixed(6), lat: p.coords.latitude.toFixed(6) }));
      },
      () => {
        setLocating(false);
        setErrors((e) => ({ ...e, lon: t('reports.open.locateFailed') }));
      },
      { timeout: 10_000 },
    );
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const notNumbers = Object.fromEntries((['lon', 'lat'] as const).filter((k) => fields[k].trim() !== '' && !Number.isFinite(Number(fields[k]))).map((k) => [k, t('reports.open.notNumber')]));
    setErrors((prev) => ({ ...(prev.photos ? { photos: prev.photos } : {}), ...notNumbers }));
    if (Object.keys(notNumbers).length) return setFormError(t('reports.open.fixErrors'));
    try {
      setPhase({ kind: 'working', percent: 0 });
      const { challenge, difficulty } = await getChallenge();
      const nonce = await solveChallenge(challenge, difficulty, (f) => setPhase({ kind: 'working', percent: Math.round(f * 100) }));
      setPhase({ kind: 'sending' });
      const num = (v: string) => (v.trim() === '' ? null : Number(v));
      const submitted = await submitReport({ ...fields, lon: num(fields.lon), lat: num(fields.lat), challenge, nonce });
      const photoErrors: string[] = [];
      for (const [i, file] of photos.entries()) {
        setPhase({ kind: 'uploading', done: i, total: photos.length });
        await uploadPhoto(submitted.trackingNo, submitted.token, file).catch((err: unknown) =>
          photoErrors.push(t('reports.open.photoFailed', { name: file.name, detail: err instanceof Error ? err.message : String(err) })),
        );
      }
      setDone({ submitted, photoErrors });
    } catch (err) {
      if (err instanceof OpenApiError && Object.keys(err.fieldErrors).length) {
        setErrors(err.fieldErrors);
        setFormError(t('reports.open.fixErrors'));
      } else setFormError(t('reports.open.failed', { detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  if (done) return <Submitted {...done} onAnother={() => (setDone(null), setFields(EMPTY), setPhotos([]))} />;
  const busy = phase.kind !== 'idle';
  return (
    <section className="report-page" aria-labelledby="report-title">
      <h1 id="report-title">{t('reports.open.title')}</h1>
      <p>{t('reports.open.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        {formError && (
          <p className="report-error report-summary" role="alert">
            {formError}
          </p>
        )}
        <fieldset className="report-field">
          <legend>{t('reports.open.type')}</legend>
          {REPORT_TYPES.map((type) => (
            <label key={type} className="report-choice">
              <input type="radio" name="type" value={type} checked={fields.type === type} onChange={set('type')} /> {labelOf('reports.type', type)}
            </label>
          ))}
        </fieldset>
        <p className="report-hint">{t('reports.open.locationHint')}</p>
        <Field label={t('reports.open.region')} error={errors.regionCode}>
          {(a) => (
            <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={fields.regionCode} onChange={set('regionCode')}>
              <option value="">{t('reports.open.regionNone')}</option>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('reports.open.address')} error={errors.address}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={fields.address} onChange={set('address')} maxLength={200} autoComplete="street-address" />}
        </Field>
        <fieldset className="report-field">
          <legend>{t('reports.open.point')}</legend>
          <div className="report-row">
            <Field label={t('reports.open.lon')} error={errors.lon}>
              {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="decimal" value={fields.lon} onChange={set('lon')} />}
            </Field>
            <Field label={t('reports.open.lat')} error={errors.lat}>
              {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} inputMode="decimal" value={fields.lat} onChange={set('lat')} />}
            </Field>
          </div>
          <button type="button" className="report-secondary" onClick={locate} disabled={locating}>
            {locating ? t('reports.open.locating') : t('reports.open.locate')}
          </button>
        </fieldset>
        <Field label={t('reports.open.description')} error={errors.description}>
          {(a) => <textarea id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} required rows={5} maxLength={2000} value={fields.description} onChange={set('description')} />}
        </Field>
        <Field label={t('reports.open.contactName')} error={errors.contactName}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={fields.contactName} onChange={set('contactName')} maxLength={50} autoComplete="name" />}
        </Field>
        <Field label={t('reports.open.contactPhone')} error={errors.contactPhone}>
          {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} type="tel" value={fields.contactPhone} onChange={set('contactPhone')} autoComplete="tel" />}
        </Field>
        <PhotoPicker files={photos} onChange={setPhotos} error={errors.photos} onError={(m) => setErrors((e) => ({ ...e, photos: m }))} />
        {(errors.challenge ?? errors.nonce) && <p className="report-error">{errors.challenge ?? errors.nonce}</p>}
        <button type="submit" className="report-primary" disabled={busy}>
          {t('reports.open.submit')}
        </button>
        <p className="report-progress" aria-live="polite">
          {phase.kind === 'working' && (
            <>
              {t('reports.open.working', { percent: phase.percent })} <progress max={100} value={phase.percent} aria-label={t('reports.open.working', { percent: phase.percent })} />
            </>
          )}
          {phase.kind === 'sending' && t('reports.open.sending')}
          {phase.kind === 'uploading' && t('reports.open.uploading', { done: phase.done + 1, total: phase.total })}
        </p>
      </form>
    </section>
  );
}

/** The result: the tracking number and the private link to keep (the token only in the #fragment). */
function Submitted({ submitted, photoErrors, onAnother }: { submitted: Submitted; photoErrors: string[]; onAnother: () => void }) {
  const path = `/open/track/${submitted.trackingNo}#${submitted.token}`;
  const link = `${window.location.origin}${path}`;
  const [copied, setCopied] = useState(false);
  return (
    <section className="report-page" aria-labelledby="done-title">
      <h1 id="done-title">{t('reports.open.done.title')}</h1>
      {photoErrors.map((m) => (
        <p key={m} className="report-error" role="alert">
          {m}
        </p>
      ))}
      <dl className="report-facts">
        <dt>{t('reports.open.done.number')}</dt>
        <dd>
          <strong className="report-number" data-testid="tracking-no">
            {submitted.trackingNo}
          </strong>
        </dd>
        <dt>{t('reports.open.done.link')}</dt>
        <dd>
          <input className="report-link" readOnly value={link} aria-label={t('reports.open.done.link')} onFocus={(e) => e.target.select()} />
          <p className="report-hint">{t('reports.open.done.linkHint')}</p>
        </dd>
      </dl>
      <p className="report-actions">
        <button
          type="button"
          className="report-primary"
          onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? t('reports.open.done.copied') : t('reports.open.done.copy')}
        </button>{' '}
        <Link to={path}>{t('reports.open.done.open')}</Link>{' '}
        <button type="button" className="report-link-button" onClick={onAnother}>
          {t('reports.open.done.another')}
        </button>
      </p>
    </section>
  );
}
