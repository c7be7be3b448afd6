// axe-core as every browser test runs it: its default rules plus WCAG 2.2's target
// size (2.5.8, 24 px), which axe-core 4.14 leaves off by default; the hub's bar is
// WCAG 2.2 AA in every mode.
import AxeBuilder from '@axe-core/playwright';

/** Rules turned on beyond axe-core's defaults. */
export const WCAG22_EXTRA = { 'target-size': { enabled: true } };

/** An axe audit of `page` with the WCAG 2.2 AA rules. */
export const audit = (page) => new AxeBuilder({ page }).options({ rules: WCAG22_EXTRA });
