// Urban SDG Explorer's service worker, written by scripts/precache.mjs at build time.
// It precaches one deployment whole (the app and every data pack) under one version,
// serves only from that set, and lets a new deployment take over only when the page
// asks (after its own set is complete): never old code with new data.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `urban-sdg-explorer-${VERSION}`;

self.addEventListener('install', (event) => {
  // Marked, so that a server's log (and the tests) can tell precaching from what a
  // view fetches.
  const requests = FILES.map((f) => new Request(f, { cache: 'reload', headers: { 'x-urban-sdg-precache': '1' } }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('urban-sdg-explorer-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'urban-sdg-explorer-activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Every permalink is the one page with a query: navigations get the cached page.
  const lookup = request.mode === 'navigate' ? new URL('./', self.registration.scope).href : request;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(lookup, { ignoreSearch: request.mode === 'navigate' }).then((hit) => hit ?? fetch(request)),
    ),
  );
});
