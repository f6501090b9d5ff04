import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { NewCommitmentForm, UpdateForm } from './commitment-forms';
import { getCommitment, getRegions, listCommitments, OpenApiError, type PublicCommitment, type PublicCommitmentDetail, type Region } from './participation-api';
import { labelOf, t } from './participation-i18n';
import './participation.css';

const FILTERS = ['kind', 'regionCode', 'progress'] as const;

function Measure({ c }: { c: PublicCommitment }) {
  return (
    <>
      <p>{t('commitments.indicatorLine', { indicator: c.indicator, baseline: c.baselineValue ?? '—', target: c.targetValue, unit: c.unit, due: c.dueDate })}</p>
      <p>
        <span className={`pp-badge pp-${c.progress}`}>{labelOf('commitments.progress', c.progress)}</span>{' '}
        {c.latest ? t('commitments.latestLine', { value: c.latest.value, unit: c.unit, asOf: c.latest.asOf }) : t('commitments.noUpdate')}
      </p>
      {c.share !== null && <progress className="pp-progress" max={1} value={c.share} aria-label={labelOf('commitments.progress', c.progress)} />}
    </>
  );
}

const who = (c: PublicCommitment) => `${c.committerName} · ${labelOf('commitments.kind', c.kind)}${c.regionName ? ` · ${c.regionName}` : ''}`;

function Detail({ id }: { id: number }) {
  const [c, setC] = useState<PublicCommitmentDetail | null>(null);
  const [error, setError] = useState('');
  // The private token travels in the #fragment: never sent to the server in a URL, never in its logs.
  const token = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  const load = useCallback(() => {
    getCommitment(id).then(setC, (e: unknown) => setError(e instanceof OpenApiError && e.status === 404 ? t('commitments.notFound') : String(e)));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <p role="alert">{error}</p>;
  if (!c) return <p aria-busy="true">…</p>;
  return (
    <article aria-labelledby="commitment-title">
      <p>
        <Link to="/open/commitments">{t('commitments.back')}</Link>
      </p>
      <h1 id="commitment-title">{c.title}</h1>
      <p className="pp-meta">{who(c)}</p>
      {c.content.split(/\n\s*\n/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <Measure c={c} />
      <h2>{t('commitments.updates')}</h2>
      {c.updates.length === 0 ? (
        <p>{t('commitments.noUpdate')}</p>
      ) : (
        <ol className="pp-updates">
          {c.updates.map((u) => (
            <li key={u.id}>
              <strong>{u.asOf}</strong>：{u.value} {c.unit}
              {u.note && ` — ${u.note}`}
            </li>
          ))}
        </ol>
      )}
      {token && <UpdateForm id={c.id} token={token} unit={c.unit} onSaved={load} />}
    </article>
  );
}

function Created({ id, token }: { id: number; token: string }) {
  const link = `${window.location.origin}/open/commitments?id=${id}#${token}`;
  return (
    <section aria-labelledby="created" className="pp-card" role="status">
      <h2 id="created">{t('commitments.created')}</h2>
      <p>
        <a href={link} className="pp-link">
          {link}
        </a>
      </p>
    </section>
  );
}

function List() {
  const [params, setParams] = useSearchParams();
  const [rows, setRows] = useState<PublicCommitment[] | null>(null);
  const [regions, setRegions] = useState<Region[]>([]);
  const [error, setError] = useState('');
  const [created, setCreated] = useState<{ id: number; token: string } | null>(null);
  const filter = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? '']));
  const key = JSON.stringify(filter);
  useEffect(() => {
    getRegions().then(setRegions, () => setRegions([]));
  }, []);
  useEffect(() => {
    setRows(null);
    listCommitments(JSON.parse(key) as Record<string, string>).then(setRows, (e: unknown) => setError(String(e)));
  }, [key, created]);
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const select = (name: (typeof FILTERS)[number], label: string, options: { value: string; label: string }[]) => (
    <div className="pp-field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} value={filter[name]} onChange={(e) => setFilter(name, e.target.value)}>
        <option value="">{t('commitments.filter.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t('commitments.title')}</h1>
      <p>{t('commitments.intro')}</p>
      <p>
        <a href="#new-commitment">{t('commitments.make')}</a>
      </p>
      <div className="pp-filters" role="search">
        {select('kind', t('commitments.filter.kind'), (['enterprise', 'organisation', 'person'] as const).map((k) => ({ value: k, label: t(`commitments.kind.${k}`) })))}
        {select('regionCode', t('commitments.filter.region'), regions.map((r) => ({ value: r.code, label: r.name })))}
        {select('progress', t('commitments.filter.progress'), (['on-track', 'achieved', 'overdue'] as const).map((p) => ({ value: p, label: t(`commitments.progress.${p}`) })))}
      </div>
      {error && <p role="alert">{error}</p>}
      {!rows ? (
        <p aria-busy="true">…</p>
      ) : rows.length === 0 ? (
        <p>{t('commitments.empty')}</p>
      ) : (
        <ul className="pp-list">
          {rows.map((c) => (
            <li key={c.id} className="pp-card">
              <h2>
                <Link to={`/open/commitments?id=${c.id}`}>{c.title}</Link>
              </h2>
              <p className="pp-meta">{who(c)}</p>
              <Measure c={c} />
            </li>
          ))}
        </ul>
      )}
      {/* Once made, the private link takes the form's place: it is shown once and must be kept. */}
      {created ? <Created {...created} /> : <NewCommitmentForm regions={regions} onCreated={(id, token) => setCreated({ id, token })} />}
    </>
  );
}

/**
 * 自愿承诺 on the public site (issue #10): the published commitments with filters, one commitment with its updates
 * (`?id=`; with its private token in the #fragment, the progress form), and the form for organisations and people.
 */
export function CommitmentsPage() {
  const [params] = useSearchParams();
  const id = Number(params.get('id'));
  return <div className="pp-page">{Number.isInteger(id) && id > 0 ? <Detail id={id} /> : <List />}</div>;
}
