import { type FormEvent, useState } from 'react';
import { Field } from './Field';
import { addUpdate, makeCommitment, OpenApiError, type Region, solvedChallenge } from './participation-api';
import { t } from './participation-i18n';

type Errors = Record<string, string>;
const numberOrText = (v: FormDataEntryValue | null) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

function useSubmit() {
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<void>) {
    setBusy(true);
    setErrors({});
    setProblem('');
    try {
      await work();
    } catch (e) {
      if (e instanceof OpenApiError) {
        setErrors(e.fieldErrors);
        setProblem(e.detail);
      } else setProblem(String(e));
    } finally {
      setBusy(false);
    }
  }
  return { errors, problem, busy, run };
}

function Problem({ text }: { text: string }) {
  return text ? (
    <p role="alert" className="pp-error">
      {text}
    </p>
  ) : null;
}

/** 作出承诺 from the public site: an organisation or a person, no account; answers the private link once. */
export function NewCommitmentForm({ regions, onCreated }: { regions: Region[]; onCreated: (id: number, token: string) => void }) {
  const { errors, problem, busy, run } = useSubmit();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const body: Record<string, unknown> = {};
    for (const [k, v] of data) body[k] = k.endsWith('Value') ? numberOrText(v) : v;
    void run(async () => {
      const created = await makeCommitment({ ...body, ...(await solvedChallenge()) });
      onCreated(created.id, created.token);
    });
  };
  const text = (name: string, label: string, max: number, hint?: string) => (
    <Field id={`c-${name}`} label={label} error={errors[name]} hint={hint}>
      {(a) => <input {...a} name={name} maxLength={max} required />}
    </Field>
  );
  const num = (name: string, label: string) => (
    <Field id={`c-${name}`} label={label} error={errors[name]}>
      {(a) => <input {...a} name={name} type="number" step="any" inputMode="decimal" required />}
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="new-commitment">
      <h2 id="new-commitment">{t('commitments.make')}</h2>
      <p>{t('commitments.makeHint')}</p>
      <fieldset className="pp-field">
        <legend>{t('commitments.field.kind')}</legend>
        {(['organisation', 'person'] as const).map((k) => (
          <label key={k} className="pp-choice">
            <input type="radio" name="kind" value={k} defaultChecked={k === 'person'} /> {t(`commitments.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {text('committerName', t('commitments.field.committerName'), 60)}
      <Field id="c-regionCode" label={t('commitments.field.region')} error={errors.regionCode}>
        {(a) => (
          <select {...a} name="regionCode" required defaultValue="">
            <option value="" disabled>
              —
            </option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('title', t('commitments.field.title'), 100)}
      <Field id="c-content" label={t('commitments.field.content')} error={errors.content}>
        {(a) => <textarea {...a} name="content" rows={4} maxLength={2000} required />}
      </Field>
      <div className="pp-row">
        {text('indicator', t('commitments.field.indicator'), 60)}
        {text('unit', t('commitments.field.unit'), 20)}
      </div>
      <div className="pp-row">
        {num('baselineValue', t('commitments.field.baselineValue'))}
        {num('targetValue', t('commitments.field.targetValue'))}
      </div>
      <Field id="c-dueDate" label={t('commitments.field.dueDate')} error={errors.dueDate}>
        {(a) => <input {...a} name="dueDate" type="date" required />}
      </Field>
      <Problem text={problem} />
      <button type="submit" disabled={busy}>
        {busy ? t('commitments.solving') : t('commitments.submit')}
      </button>
    </form>
  );
}

/** 更新进展 by whoever holds the commitment's private token (from the link's #fragment, never sent in a URL). */
export function UpdateForm({ id, token, unit, onSaved }: { id: number; token: string; unit: string; onSaved: () => void }) {
  const { errors, problem, busy, run } = useSubmit();
  const [saved, setSaved] = useState(false);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setSaved(false);
    void run(async () => {
      await addUpdate(id, token, { value: numberOrText(data.get('value')), asOf: data.get('asOf'), note: data.get('note') ?? '' });
      form.reset();
      setSaved(true);
      onSaved();
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="update-commitment">
      <h2 id="update-commitment">{t('commitments.addUpdate')}</h2>
      <div className="pp-row">
        <Field id="u-value" label={`${t('commitments.field.value')}（${unit}）`} error={errors.value}>
          {(a) => <input {...a} name="value" type="number" step="any" inputMode="decimal" required />}
        </Field>
        <Field id="u-asOf" label={t('commitments.field.asOf')} error={errors.asOf}>
          {(a) => <input {...a} name="asOf" type="date" required />}
        </Field>
      </div>
      <Field id="u-note" label={t('commitments.field.note')} error={errors.note}>
        {(a) => <textarea {...a} name="note" rows={2} maxLength={500} />}
      </Field>
      <Problem text={problem} />
      {saved && <p role="status">{t('commitments.updateSaved')}</p>}
      <button type="submit" disabled={busy}>
        {t('commitments.addUpdate')}
      </button>
    </form>
  );
}
