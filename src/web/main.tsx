import { StrictMode } from 'react';
// Urdu's fallback font, shipped with the app (the npm package the Urdu PDFs embed too): a machine without Noto
// Nastaliq Urdu shows Urdu in the same Noto Naskh Arabic as the reports.
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.ts';
import { App, queryClient } from './app/App.tsx';
import { preloadCommonScreens, preloadRoute } from './app/screens.ts';
import { fetchSession, sessionKey } from './app/session.ts';

initI18n();
// The session check and the current screen's chunks load side by side before the first render, so the
// screen appears whole instead of through a chain of loading states (bounded, in case the network stalls).
const ready = Promise.all([preloadRoute(window.location.pathname), queryClient.prefetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity })]);
await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, 3000))]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Once the first screen is up, fetch the chunks of the screens used most, so moving to them does not wait.
window.setTimeout(() => (window.requestIdleCallback ?? ((cb: () => void) => cb()))(() => preloadCommonScreens()), 2000);
