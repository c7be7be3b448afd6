// What a static frame of the first paint holds (scripts/paint.mjs), and what the
// browser test compares it with (tests/e2e/paint.test.mjs): one function, run in the
// page, for both.

/**
 * The page's drawn markup, run in the page (`page.evaluate(frameMarkup)`): the body's
 * elements but scripts and the frame itself, with the live state of controls written
 * in as attributes (a select's choice, a box's text: properties the markup would not
 * carry), without comments (Leptos's markers) and test ids (a test waits for the
 * app, not for its picture). Also the page's language and title. With `rootId`, the
 * same of the elements inside that element (the static frame, `paint`); with
 * `stylesAsData`, style attributes become `data-paint-style` (for the build).
 */
export function frameMarkup({ rootId = null, stylesAsData = false } = {}) {
  // The static frame's own elements when `rootId` names it, else the app's.
  const root = rootId ? document.getElementById(rootId) : document.body;
  const kept = [...root.children].filter((el) => el.id !== 'paint' && !['SCRIPT', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName));
  const html = kept
    .map((el) => {
      const copy = el.cloneNode(true);
      const live = el.querySelectorAll('select, input, textarea');
      const copied = copy.querySelectorAll('select, input, textarea');
      live.forEach((from, i) => {
        const to = copied[i];
        if (from.tagName === 'SELECT') {
          [...to.options].forEach((o, j) => o.toggleAttribute('selected', from.options[j].selected));
        } else if (from.type === 'checkbox' || from.type === 'radio') {
          to.toggleAttribute('checked', from.checked);
        } else if (from.tagName === 'TEXTAREA') {
          to.textContent = from.value;
        } else {
          to.setAttribute('value', from.value);
        }
      });
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walker.nextNode()) comments.push(walker.currentNode);
      comments.forEach((c) => c.remove());
      for (const e of [copy, ...copy.querySelectorAll('[data-testid]')]) e.removeAttribute('data-testid');
      // A style attribute parsed from markup is refused under a strict CSP (style-src
      // without 'unsafe-inline'); the same style set by script is not: the frame
      // carries it as data, and the start-up script sets it (paint-*.js).
      if (stylesAsData) {
        for (const e of [copy, ...copy.querySelectorAll('[style]')]) {
          if (!e.hasAttribute('style')) continue;
          e.setAttribute('data-paint-style', e.getAttribute('style'));
          e.removeAttribute('style');
        }
      }
      return copy.outerHTML;
    })
    .join('');
  return { html, lang: document.documentElement.lang, title: document.title };
}
