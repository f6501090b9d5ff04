import { useEffect, useState } from 'react';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router-dom';
import { call } from './api';
import { HomePage } from './home/HomePage';
import { t } from './home/t';
import { CommitmentsPage } from './participation/CommitmentsPage';
import { NewsPage } from './participation/NewsPage';
import { ReportPage, TrackPage } from './report/ReportPage';

const NAV = [
  ['/open', 'openHome.nav.home'],
  ['/open/report', 'openHome.nav.report'],
  ['/open/commitments', 'openHome.nav.commitments'],
  ['/open/news', 'openHome.nav.news'],
] as const;

/**
 * The public site (issue #10), /open: no login, no antd (it must load fast on a phone). One header with the skip
 * link and the navigation, one main landmark per page, one footer; each part's page fills the main.
 */
export function OpenApp() {
  return (
    <BrowserRouter>
      <DemoNotice />
      <a className="skip" href="#main">
        {t('openHome.skip')}
      </a>
      <header className="site-header">
        <div className="bar">
          <span className="site-name">{t('openHome.siteName')}</span>
          <nav aria-label={t('openHome.nav.label')}>
            <ul>
              {NAV.map(([to, key]) => (
                <li key={to}>
                  <NavLink to={to} end>
                    {t(key)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/open" element={<HomePage />} />
          <Route path="/open/report" element={<ReportPage />} />
          <Route path="/open/track/:trackingNo" element={<TrackPage />} />
          <Route path="/open/commitments" element={<CommitmentsPage />} />
          <Route path="/open/news" element={<NewsPage />} />
        </Routes>
      </main>
      <footer className="site-footer">
        <p>{t('openHome.footer')}</p>
      </footer>
    </BrowserRouter>
  );
}

/** 演示数据 (issue #12): shown on every public page while the platform holds the generated demo city. */
function DemoNotice() {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    call<{ demo: unknown }>('/api/health').then((h) => setDemo(!!h.demo), () => undefined);
  }, []);
  return demo ? (
    <p className="demo-notice" role="status">
      {t('openHome.demo')}
    </p>
  ) : null;
}
