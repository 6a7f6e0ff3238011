// Bench baseline (figure 2): precaches the bare page and serves it offline,
// cache first, the way Baken's service worker serves its shell.
const CACHE = 'baseline-v1';
const FILES = ['/', '/index.html', '/register.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const lookup = request.mode === 'navigate' ? caches.match('/index.html') : caches.match(request);
  event.respondWith(lookup.then((hit) => hit ?? fetch(request)));
});
