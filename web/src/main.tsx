import 'antd/dist/reset.css';
// antd 5 with React 19: the official patch (static methods, wave effect; and no 'React is 16 ~ 18' console warning).
import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
