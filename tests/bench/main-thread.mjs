// The main thread's busy time for a filter change, from a Chromium trace. Wall-clock
// time to the next paint says little: frames come every 16.7 ms, so any work shorter
// than what is left of a frame costs the same wall time as none. The trace instead
// sums the main thread's tasks (script, microtasks, style, layout, paint) from the
// change to the second frame after it, and the same for two empty frames: the work
// is the difference, whatever the machine's speed.

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Toggles `select` between `values` `n` times and returns the median busy
 * milliseconds of a change, of two empty frames, and their difference (`work`).
 */
export async function filterWork(browser, page, selector, values, n = 10) {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  await page.evaluate(
    async ({ selector, values, n }) => {
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const select = document.querySelector(selector);
      for (let i = 0; i < n; i++) {
        performance.mark('empty-start');
        await frames();
        performance.mark('empty-end');
        performance.mark('change-start');
        select.value = values[i % values.length];
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await frames();
        performance.mark('change-end');
      }
    },
    { selector, values, n },
  );
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  const marks = traceEvents.filter((e) => e.cat === 'blink.user_timing' && /^(empty|change)-(start|end)$/.test(e.name));
  if (marks.length !== 4 * n) throw new Error(`main-thread: ${marks.length} marks in the trace, expected ${4 * n}`);
  // The page's main thread is the one the marks were made on.
  const { pid, tid } = marks[0];
  const tasks = traceEvents.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && e.name === 'ThreadControllerImpl::RunTask');
  const busy = (from, to) => tasks.reduce((sum, t) => sum + Math.max(0, Math.min(to, t.ts + t.dur) - Math.max(from, t.ts)), 0) / 1000;
  const windows = { empty: [], change: [] };
  let open = {};
  for (const m of marks.sort((a, b) => a.ts - b.ts)) {
    const [kind, edge] = m.name.split('-');
    if (edge === 'start') open[kind] = m.ts;
    else windows[kind].push(busy(open[kind], m.ts));
  }
  const empty = median(windows.empty);
  const change = median(windows.change);
  return { change, empty, work: change - empty };
}
