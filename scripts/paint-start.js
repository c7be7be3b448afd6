// The first paint (scripts/paint-start.js, written into paint-<hash>.js by
// scripts/paint.mjs with this build's frames): shows the static frame of this URL,
// if it has one, until the app takes its place (src/first_paint.rs). A URL's frame is
// the one whose parameters, sorted, are the URL's (sdg_core::first_paint::match_key);
// any other URL shows nothing here and waits for the app.
(() => {
  const frames = __FRAMES__;
  const key = [...new URLSearchParams(location.search)].map(([k, v]) => k + '=' + v).sort().join('&');
  const frame = Object.hasOwn(frames, key) ? frames[key] : null;
  const root = document.documentElement;
  // Settled once the frame is on screen, or will not be. The start-up script
  // (init-*.js) waits for it before it fetches and runs the app's code, so
  // that the two never compete for the main thread and the app always knows whether
  // a frame shows. A frame slower than that wait is not shown at all.
  let settled;
  window.urbanSdgPaint = new Promise((ok) => (settled = ok));
  if (!frame) return settled();
  // Once settled, the data files the frame's view is drawn from are fetched beside the
  // app's code, each kept for the app's own fetch of it (which then takes this
  // response): the app asks for them only once its code has started. Not before: the
  // frame's own fetch and layout come first.
  let preloaded = false;
  const settle = () => {
    if (preloaded) return settled();
    preloaded = true;
    for (const href of frame.files ?? []) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = href;
      document.head.append(link);
    }
    settled();
  };
  root.setAttribute('data-paint', 'pending');
  setTimeout(settle, __WAIT_MS__);
  // Run as soon as it arrives, often before the body exists.
  const body = document.body ? Promise.resolve() : new Promise((ok) => addEventListener('DOMContentLoaded', ok, { once: true }));
  fetch(frame.file)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(frame.file + ': HTTP ' + r.status))))
    .then((markup) => body.then(() => markup))
    .then((markup) => {
      // The app came first (it marks the page as its own): it is the page.
      if (root.getAttribute('data-paint') !== 'pending') return;
      // The site's own markup, made at build time from the app's render (no script in
      // it: the build checks), parsed inert in a template.
      const template = document.createElement('template');
      template.innerHTML = markup;
      const frameEl = document.createElement('div');
      frameEl.id = 'paint';
      frameEl.append(template.content);
      document.body.prepend(frameEl);
      // Styles set by script, as the app sets them (a strict CSP refuses them as
      // attributes; see scripts/frame-markup.mjs).
      for (const el of frameEl.querySelectorAll('[data-paint-style]')) {
        el.style.cssText = el.getAttribute('data-paint-style');
        el.removeAttribute('data-paint-style');
      }
      root.lang = frame.lang;
      document.title = frame.title;
      root.setAttribute('data-paint', 'shown');
      watch(frameEl);
      onScreen(frameEl);
    })
    .catch(() => settle());

  // Settles once the frame has been presented: the browser's largest-contentful-paint
  // entry for one of its elements says so (where the browser has such entries; two
  // frames otherwise, and a second at most in a hidden tab, which paints nothing).
  function onScreen(frameEl) {
    if (!PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
      return requestAnimationFrame(() => requestAnimationFrame(() => settle()));
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => frameEl.contains(e.element))) {
        observer.disconnect();
        settle();
      }
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(settle, 1000);
  }

  // What a visitor does to the frame before the app takes over is handed on to the
  // app's same element: a link works by itself; a click on anything else, the text
  // typed into a box and the focus are replayed.
  function watch(frameEl) {
    let clicked = null;
    const pathOf = (el) => {
      const path = [];
      for (let e = el; e && e !== frameEl; e = e.parentElement) path.unshift([...e.parentElement.children].indexOf(e));
      return path;
    };
    frameEl.addEventListener('click', (event) => {
      if (event.target.closest('a[href]')) return;
      event.preventDefault();
      clicked = pathOf(event.target);
    }, true);
    document.addEventListener('urbansdg:takeover', () => {
      const appRoots = [...document.body.children].filter((el) => el !== frameEl && !['SCRIPT', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName));
      const counterpart = (path) => path.slice(1).reduce((el, i) => el?.children[i], appRoots[path[0]]);
      for (const box of frameEl.querySelectorAll('input:not([type=checkbox]):not([type=radio]), textarea')) {
        const twin = counterpart(pathOf(box));
        if (twin && box.value !== box.defaultValue && twin.tagName === box.tagName) {
          twin.value = box.value;
          twin.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
      const focused = frameEl.contains(document.activeElement) ? counterpart(pathOf(document.activeElement)) : null;
      focused?.focus?.();
      if (clicked) counterpart(clicked)?.click();
    }, { once: true });
  }
})();
