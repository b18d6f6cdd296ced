import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { prefetchDayPage } from './app/router.tsx';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// After the first load, while nothing else happens: the code of the page a guest opens next
// (the first load itself carries only the Find page's, issue 16).
const whenIdle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(() => work()) : setTimeout(work, 1_000));
if (document.readyState === 'complete') whenIdle(prefetchDayPage);
else window.addEventListener('load', () => whenIdle(prefetchDayPage), { once: true });
