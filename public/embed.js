/*
 * Urban SDG Explorer, embed helper. Add it once to a page that embeds the explorer in
 * iframes:  <script src="https://your.host/sdg/embed.js" async></script>
 * Each embedded view posts {"urban-sdg-explorer-height": px} when its height changes;
 * this script sets the height of the one iframe that sent it, and nothing else. It
 * ignores any other message, and any message whose origin is not the iframe's own.
 * No dependencies, no inline code: it works under a strict Content-Security-Policy.
 */
(function () {
  'use strict';
  var KEY = 'urban-sdg-explorer-height';
  var MIN = 50;
  var MAX = 20000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || !Object.prototype.hasOwnProperty.call(data, KEY)) return;
    var px = Number(data[KEY]);
    if (!isFinite(px) || px < MIN || px > MAX) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch (e) {
        continue;
      }
      if (origin !== event.origin) continue;
      // CSSOM, not a style attribute: allowed by a strict style-src as well.
      frame.style.height = Math.ceil(px) + 'px';
    }
  });
})();
