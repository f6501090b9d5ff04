import { useEffect, useState } from 'react';
import type { AssessmentSnapshot, BarometerSnapshot, Dataset, ReductionSnapshot, Snapshot, TargetsSnapshot } from '../../../../src/domain/public/publication';
import type { OpenDataItem, OpenSnapshotOut } from '../../../../src/modules/public/publications.schemas';
import { getJson } from '../api';
import { CountyMap } from './CountyMap';
import { Progress } from './Progress';
import { labelOf, num, pct, t } from './t';

type Item = Omit<OpenDataItem, 'dataset'> & { dataset: Dataset };
type Loaded = { list: Item[]; latest: Partial<Record<Dataset, { item: Item; snapshot: Snapshot }>> };
type News = { id: number; title: string; publishedAt: string | null; excerpt: string };

const POLLUTANT_NAMES: Record<string, string> = { COD: '化学需氧量', 'NH3-N': '氨氮', NOx: '氮氧化物', VOCs: '挥发性有机物' };
const FORMATS = [
  ['xlsx', 'Excel'],
  ['csv', 'CSV'],
  ['json', 'JSON'],
] as const;

/** The newest publication of each dataset, with its snapshot (the list is newest first). */
async function loadHome(): Promise<Loaded> {
  const list = await getJson<Item[]>('/api/public/open-data');
  const latest: Loaded['latest'] = {};
  const firsts = (['targets', 'barometer', 'reduction', 'assessment'] as const).map((d) => list.find((i) => i.dataset === d)).filter((i): i is Item => !!i);
  await Promise.all(
    firsts.map(async (item) => {
      const one = await getJson<OpenSnapshotOut>(`/api/public/open-data/${item.dataset}/${encodeURIComponent(item.periodKey)}`);
      latest[item.dataset] = { item, snapshot: one.snapshot };
    }),
  );
  return { list, latest };
}

/** 公众首页 (/open): headline targets, the barometer map, key projects, reductions, assessment results, open data, news. */
export function HomePage() {
  const [state, setState] = useState<Loaded | 'loading' | 'failed'>('loading');
  const [news, setNews] = useState<News[]>([]);
  useEffect(() => {
    document.title = t('openHome.siteName');
    void loadHome().then(setState, () => setState('failed'));
    // News belongs to the participation part; the home page shows the latest three when there are any.
    void getJson<News[]>('/api/public/news').then((n) => setNews(n.slice(0, 3)), () => setNews([]));
  }, []);
  if (state === 'loading') return <p role="status">{t('openHome.loading')}</p>;
  if (state === 'failed') return <p role="alert">{t('openHome.loadFailed')}</p>;
  const { targets, barometer, reduction, assessment } = state.latest;
  return (
    <>
      <h1>{t('openHome.siteName')}</h1>
      <p className="intro">{t('openHome.intro')}</p>
      <div className="grid">
        <section aria-labelledby="h-targets" className="card">
          <h2 id="h-targets">{t('openHome.targets.title')}</h2>
          {targets ? <Targets s={targets.snapshot as TargetsSnapshot} /> : <p className="muted">{t('openHome.nothing')}</p>}
        </section>
        <section aria-labelledby="h-map" className="card">
          <h2 id="h-map">{t('openHome.map.title')}</h2>
          {barometer ? <CountyMap barometer={barometer.snapshot as BarometerSnapshot} period={barometer.item.periodKey} /> : <p className="muted">{t('openHome.nothing')}</p>}
        </section>
        <section aria-labelledby="h-projects" className="card">
          <h2 id="h-projects">{t('openHome.projects.title')}</h2>
          {targets ? <KeyProjects s={targets.snapshot as TargetsSnapshot} /> : <p className="muted">{t('openHome.nothing')}</p>}
        </section>
        {reduction && (
          <section aria-labelledby="h-reduction" className="card">
            <h2 id="h-reduction">{t('openHome.reduction.title')}</h2>
            <Reduction s={reduction.snapshot as ReductionSnapshot} />
          </section>
        )}
        <section aria-labelledby="h-assessment" className="card">
          <h2 id="h-assessment">{t('openHome.assessment.title')}</h2>
          {assessment ? <Assessment s={assessment.snapshot as AssessmentSnapshot} /> : <p className="muted">{t('openHome.nothing')}</p>}
        </section>
        {news.length > 0 && (
          <section aria-labelledby="h-news" className="card">
            <h2 id="h-news">{t('openHome.news.title')}</h2>
            <ul className="plain">
              {news.map((n) => (
                <li key={n.id}>
                  <a href={`/open/news#news-${n.id}`}>{n.title}</a>
                  <p className="muted">{n.excerpt}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="h-data" className="card wide">
          <h2 id="h-data">{t('openHome.data.title')}</h2>
          <p className="muted">{t('openHome.data.note')}</p>
          {state.list.length === 0 ? (
            <p className="muted">{t('openHome.nothing')}</p>
          ) : (
            <ul className="plain downloads">
              {state.list.map((i) => (
                <li key={i.id}>
                  <span>
                    {i.title} <span className="muted">（{i.periodKey}，{new Date(i.publishedAt).toLocaleDateString('zh-CN')}）</span>
                  </span>
                  <span className="links">
                    {FORMATS.map(([f, label]) => (
                      <a key={f} href={i.downloads[f]} download>
                        {label}
                        <span className="sr-only">{t('openHome.data.download', { title: i.title, format: label })}</span>
                      </a>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

function Targets({ s }: { s: TargetsSnapshot }) {
  const e = s.energyIntensity;
  return (
    <>
      <p className="muted">{s.year} 年</p>
      <Progress
        label={t('openHome.targets.intensity')}
        value={e.completion === null ? null : Math.min(1, Math.max(0, e.completion))}
        detail={t('openHome.targets.intensityDetail', { actual: pct(e.cumulativeReduction), target: pct(e.target) })}
      />
      {s.pollutants.map((p) => (
        <Progress
          key={p.pollutant}
          label={`${POLLUTANT_NAMES[p.pollutant] ?? p.pollutant}重点工程减排量`}
          value={p.completion === null ? null : Math.min(1, Math.max(0, p.completion))}
          detail={t('openHome.targets.pollutantDetail', { actual: num(p.verified_t), target: num(p.target_t) })}
        />
      ))}
      <h3>{t('openHome.targets.indicators')}</h3>
      <ul className="plain indicators">
        {s.indicators
          .filter((x) => !/重点工程减排量|能源消耗降低率/.test(x.name))
          .map((x) => (
            <li key={x.code}>
              <span>{x.name}</span>
              <span className={`badge status-${x.status}`}>{labelOf('openHome.status', x.status)}</span>
              <span className="muted">
                {x.target !== null ? `目标 ${num(x.target)}${x.unit ?? ''}` : (x.targetText ?? '')}
                {x.latest !== null && `；${t('openHome.targets.latest', { value: `${num(x.latest)}${x.unit ?? ''}`, period: x.latestPeriod ?? '' })}`}
              </span>
            </li>
          ))}
      </ul>
    </>
  );
}

function KeyProjects({ s }: { s: TargetsSnapshot }) {
  return (
    <ol className="plain">
      {s.keyProjects.map((k) => (
        <li key={k.no}>
          <Progress label={`${k.no}. ${k.title}`} value={k.percent === null ? null : k.percent / 100} detail={t('openHome.projects.detail', { tasks: k.tasks, completed: k.completed, onTrack: k.onTrack, behind: k.behind, notReported: k.notReported })} />
        </li>
      ))}
    </ol>
  );
}

function Reduction({ s }: { s: ReductionSnapshot }) {
  return (
    <div className="scroll" tabIndex={0} role="region" aria-label={t('openHome.reduction.title')}>
      <table>
        <caption className="muted">{s.year} 年，单位：吨（已核定 / 目标）</caption>
        <thead>
          <tr>
            <th scope="col">{t('publicData.h.region')}</th>
            {s.pollutants.map((p) => (
              <th scope="col" key={p.pollutant}>
                {POLLUTANT_NAMES[p.pollutant] ?? p.pollutant}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.regions.map((r) => (
            <tr key={r.regionCode}>
              <th scope="row">{r.name}</th>
              {r.pollutants.map((p) => (
                <td key={p.pollutant}>
                  {num(p.verified_t)} / {num(p.allocation_t)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Assessment({ s }: { s: AssessmentSnapshot }) {
  return (
    <div className="scroll" tabIndex={0} role="region" aria-label={s.title}>
      <table>
        <caption>{s.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('publicData.h.rank')}</th>
            <th scope="col">{t('publicData.h.name')}</th>
            <th scope="col">{t('publicData.h.totalPoints')}</th>
            <th scope="col">{t('publicData.h.grade')}</th>
          </tr>
        </thead>
        <tbody>
          {s.results.map((r) => (
            <tr key={r.key}>
              <td>{r.rank}</td>
              <th scope="row">{r.name}</th>
              <td>{num(r.total)}</td>
              <td>{r.gradeLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
