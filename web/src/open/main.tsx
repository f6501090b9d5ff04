import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OpenApp } from './OpenApp';
import './open.css';

const root = document.getElementById('root');
if (!root) throw new Error('open.html has no #root');
createRoot(root).render(
  <StrictMode>
    <OpenApp />
  </StrictMode>,
);
