import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { CommitmentsPage } from './participation/CommitmentsPage';
import { NewsPage } from './participation/NewsPage';
import { ReportPage, TrackPage } from './report/ReportPage';

/**
 * The public site (issue #10), /open: no login, no antd (it must load fast on a phone). A first shell: the home page,
 * its layout and styles belong to the published-data part.
 */
export function OpenApp() {
  return (
    <BrowserRouter>
      <header>
        <Link to="/open">赣州市节能减排信息公开</Link> <Link to="/open/report">举报与建议</Link> <Link to="/open/commitments">自愿承诺</Link> <Link to="/open/news">新闻与活动</Link>
      </header>
      <main>
        <Routes>
          <Route path="/open" element={<p>建设中</p>} />
          <Route path="/open/report" element={<ReportPage />} />
          <Route path="/open/track/:trackingNo" element={<TrackPage />} />
          <Route path="/open/commitments" element={<CommitmentsPage />} />
          <Route path="/open/news" element={<NewsPage />} />
        </Routes>
      </main>
    </BrowserRouter>
  );
}
