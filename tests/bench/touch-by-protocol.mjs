// The soak's visitor (tests/support/soak.mjs: the same controls, words and keys, the
// same odds), driven through the DevTools protocol alone: the DOM domain finds the
// controls, the Input domain presses, clicks and types, as a person's hand does. Nothing of the test tool runs
// in the page meanwhile, so the page's JS heap is the app's and the browser's only:
// playwright's injected script (present since the page loaded) is neither used nor
// grown. The bench's heap ratio is measured with it.
import { CONTROLS, KEYS, WORDS } from '../support/soak.mjs';

/** Key events for playwright's key names, as the Input domain wants them. */
const KEY = {
  Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 },
  Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
  Escape: { key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 },
  ArrowRight: { key: 'ArrowRight', code: 'ArrowRight', windowsVirtualKeyCode: 39 },
  ArrowDown: { key: 'ArrowDown', code: 'ArrowDown', windowsVirtualKeyCode: 40 },
  ArrowUp: { key: 'ArrowUp', code: 'ArrowUp', windowsVirtualKeyCode: 38 },
  Space: { key: ' ', code: 'Space', windowsVirtualKeyCode: 32, text: ' ' },
  Shift: { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16 },
};
const SHIFT = 8;

/** Presses a key (`Shift+Tab` holds Shift). */
export async function pressKey(cdp, name) {
  const shifted = name.startsWith('Shift+');
  const k = KEY[shifted ? name.slice(6) : name];
  if (!k) throw new Error(`touch-by-protocol: no key ${name}`);
  const modifiers = shifted ? SHIFT : 0;
  const { text, ...rest } = k;
  await cdp.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', modifiers, text, unmodifiedText: text, ...rest });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers, ...rest });
}

/** The centre of a node's border box, or null when it is not rendered or has no size. */
async function centreOf(cdp, nodeId) {
  try {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    if (!model.width || !model.height) return null;
    const [x1, y1, , , x3, y3] = model.border;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  } catch {
    return null;
  }
}

/** A visible control, picked at random among them (null when none is). */
async function pickControl(cdp, rnd) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: CONTROLS.join(', ') });
  // Uniform over the visible ones: draw among all, skipping hidden ones, as often as
  // there are controls (a page whose every control is hidden has none).
  for (let tries = 0; tries < nodeIds.length; tries++) {
    const nodeId = nodeIds[Math.floor(rnd() * nodeIds.length)];
    const at = await centreOf(cdp, nodeId);
    if (!at) continue;
    // The tag as the soak names it: an input's type, and a select's (one choice).
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    const attributes = node.attributes ?? []; // name, value, name, value, …
    const typeAt = attributes.findIndex((v, i) => i % 2 === 0 && v === 'type');
    const type = typeAt >= 0 ? attributes[typeAt + 1] : node.localName === 'select' ? 'select-one' : '';
    return { nodeId, at, tag: node.localName + (type ? `:${type}` : '') };
  }
  return null;
}

async function click(cdp, { x, y }) {
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
}

/**
 * One random thing a visitor does, as `interact` in tests/support/soak.mjs: a key, or
 * a touch of a visible control (a select pressed open, stepped by the arrow keys and
 * chosen; a search box tapped, filled and, half the time, sent).
 */
export async function touchByProtocol(cdp, rnd) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  if (rnd() < 0.15) {
    await pressKey(cdp, pick(KEYS));
    return 'key';
  }
  let control;
  try {
    control = await pickControl(cdp, rnd);
    if (!control) return 'none';
    if (control.tag === 'select:select-one') {
      // Pressed (which lists a long list and opens it), stepped, and chosen.
      await click(cdp, control.at);
      const steps = 1 + Math.floor(rnd() * 3);
      const key = rnd() < 0.5 ? 'ArrowDown' : 'ArrowUp';
      for (let i = 0; i < steps; i++) await pressKey(cdp, key);
      await pressKey(cdp, 'Enter');
    } else if (control.tag === 'input:search') {
      await click(cdp, control.at);
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'a', code: 'KeyA', windowsVirtualKeyCode: 65, commands: ['selectAll'] });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'a', code: 'KeyA', windowsVirtualKeyCode: 65 });
      const word = pick(WORDS);
      if (word) await cdp.send('Input.insertText', { text: word });
      else {
        await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Backspace', code: 'Backspace', windowsVirtualKeyCode: 8 });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Backspace', code: 'Backspace', windowsVirtualKeyCode: 8 });
      }
      if (rnd() < 0.5) await pressKey(cdp, 'Enter');
    } else {
      await click(cdp, control.at);
    }
    return control.tag;
  } catch (e) {
    if (process.env.TOUCH_TRACE) console.log(`touch: ${control?.tag}: ${e.message}`);
    // A control that went away between finding and touching it (the page changed
    // under the finger).
    return 'gone';
  }
}
