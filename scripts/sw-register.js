
// Service worker (offline use, kiosks): registered after start-up. When a new
// deployment has precached itself, the page is told (`urban-sdg-explorer-update`);
// when the reader accepts (`urban-sdg-explorer-apply`), the new worker takes over and
// the page reloads once, so code and data always come from one deployment.
if ('serviceWorker' in navigator && window.isSecureContext) {
  // A first visit is not an update: the worker taking control then reloads nothing.
  const hadController = Boolean(navigator.serviceWorker.controller);
  let applying = false;
  // Registered once the first view is done and the page is idle: precaching the whole
  // deployment must never compete with what the reader is waiting for.
  // A browser that refuses workers (a policy, a private window) answers with no
  // registration or a rejection: the page then simply works without offline use.
  const register = () => navigator.serviceWorker.register('./sw.js').then((registration) => {
    if (!registration) return;
    const announce = () => {
      if (registration.waiting && navigator.serviceWorker.controller) {
        dispatchEvent(new CustomEvent('urban-sdg-explorer-update'));
      }
    };
    announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => worker.state === 'installed' && announce());
    });
    addEventListener('urban-sdg-explorer-apply', () => {
      applying = true;
      registration.waiting?.postMessage('urban-sdg-explorer-activate');
    });
  }, (e) => console.warn(`service worker not registered: ${e.message}`));
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 2000));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if ((hadController || applying) && !reloading) {
      reloading = true;
      location.reload();
    }
  });
}
