import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { paragraphsOf } from '../../../../src/domain/public/news';
import { getNews, listNews, type News, type NewsRow, OpenApiError } from './participation-api';
import { labelOf, t } from './participation-i18n';
import './participation.css';

const FEED = '/api/public/news/feed.atom';

function kindLabel(n: { kind: string; campaign: string | null }) {
  return n.campaign ? labelOf('news.campaign', n.campaign) : labelOf('news.kind', n.kind);
}
const dates = (n: { startDate: string | null; endDate: string | null }) => (n.startDate ? t('news.dates', { start: n.startDate, end: n.endDate ?? n.startDate }) : '');
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN') : '');

function Detail({ id }: { id: number }) {
  const [n, setN] = useState<News | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    getNews(id).then(setN, (e: unknown) => setError(e instanceof OpenApiError && e.status === 404 ? t('news.notFound') : String(e)));
  }, [id]);
  if (error) return <p role="alert">{error}</p>;
  if (!n) return <p aria-busy="true">…</p>;
  return (
    <article aria-labelledby="news-title">
      <p>
        <Link to="/open/news">{t('news.back')}</Link>
      </p>
      <h1 id="news-title">{n.title}</h1>
      <p className="pp-meta">
        {kindLabel(n)} {dates(n)} · {t('news.publishedAt', { at: day(n.publishedAt) })}
      </p>
      {/* Plain text only: paragraphs by blank lines, rendered as text (no HTML is stored or served). */}
      {paragraphsOf(n.body).map((p, i) => (
        <p key={i} className="pp-paragraph">
          {p}
        </p>
      ))}
    </article>
  );
}

function List() {
  const [rows, setRows] = useState<NewsRow[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    listNews().then(setRows, (e: unknown) => setError(String(e)));
  }, []);
  return (
    <>
      <h1>{t('news.title')}</h1>
      <p>
        <a href={FEED} type="application/atom+xml">
          {t('news.feed')}
        </a>
      </p>
      {error && <p role="alert">{error}</p>}
      {!rows ? (
        <p aria-busy="true">…</p>
      ) : rows.length === 0 ? (
        <p>{t('news.empty')}</p>
      ) : (
        <ul className="pp-list">
          {rows.map((n) => (
            <li key={n.id} className="pp-card">
              <p className="pp-meta">
                {n.timing && <span className={`pp-badge pp-${n.timing}`}>{labelOf('news.timing', n.timing)}</span>} {kindLabel(n)} {dates(n)}
              </p>
              <h2>
                <Link to={`/open/news?id=${n.id}`}>{n.title}</Link>
              </h2>
              <p>{n.excerpt}</p>
              <p className="pp-meta">{t('news.publishedAt', { at: day(n.publishedAt) })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** 新闻与活动 on the public site (issue #10): ongoing and upcoming campaigns first, one item with `?id=`, the feed. */
export function NewsPage() {
  const [params] = useSearchParams();
  const id = Number(params.get('id'));
  return <div className="pp-page">{Number.isInteger(id) && id > 0 ? <Detail id={id} /> : <List />}</div>;
}
