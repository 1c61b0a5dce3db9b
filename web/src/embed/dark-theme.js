// The element's dark theme as data: a value for every colour among the --al-* custom properties
// (the light ones are declared in the lesson's CSS, see scripts/build-web.mjs themeProperties).
// The build turns it into CSS for <attention-lesson> (scripts/element-css.mjs): used when the
// reader's system prefers dark unless the element says theme="light", and always with
// theme="dark". A page's own --al-* settings on the element still win. Text colours keep 4.5:1
// or more against --al-bg, --al-panel and --al-surface; tests/browser/element-isolation.test.js
// measures them in Chromium.
export const DARK_THEME = Object.freeze({
  '--al-fg': '#e8eaed',
  '--al-bg': '#15171a',
  '--al-panel': '#1c1f23',
  '--al-surface': '#262a30',
  '--al-muted': '#b4b9c0',
  '--al-border': '#8b929b',
  '--al-accent': '#7cb3ff',
  '--al-accent-fg': '#0b1320',
  '--al-focus': '#a8cbff',
  '--al-ok': '#6fd497',
  '--al-bad': '#ff9a93',
  '--al-danger': '#ff9a93',
  '--al-danger-bg': '#3b1a18',
  '--al-masked': '#b9b9b9',
  '--al-masked-bg': '#2c2f33',
  '--al-positive': '#ff8f8f',
  '--al-negative': '#8ab8ff',
  '--al-bar': '#8fa9dc',
});
