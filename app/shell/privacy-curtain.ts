// Blanks the app while it is hidden, so the app switcher's snapshot shows
// nothing of a case. Pure CSS toggle; no data is touched.
export function installPrivacyCurtain(): void {
  const update = () => {
    document.documentElement.classList.toggle('is-hidden', document.visibilityState === 'hidden');
  };
  document.addEventListener('visibilitychange', update);
  window.addEventListener('pagehide', () => document.documentElement.classList.add('is-hidden'));
  window.addEventListener('pageshow', update);
  update();
}
