import { StrictMode } from 'react';
import { App } from './app';

/** The one element main.tsx hydrates and the build prerenders (app/prerender.tsx). */
export function appElement() {
  return (
    <StrictMode>
      <App />
    </StrictMode>
  );
}
