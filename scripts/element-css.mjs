// esbuild plugins for the <attention-lesson> element's stylesheet only (web/src/embed/element.css;
// the pages' CSS is left as written):
// - remFree: every `rem` length in the lesson's CSS becomes calc(N * var(--al-font-size, 16px)),
//   so the element's sizes do not follow the host page's root font size (a page with
//   html { font-size: 10px } would otherwise shrink every margin and control). Lengths inside
//   @media conditions stay: there rem means the browser's default size, not the page's root.
// - darkTheme: `@import 'virtual:dark-theme'` becomes the dark --al-* values of
//   web/src/embed/dark-theme.js, for theme="dark" and for prefers-color-scheme: dark unless
//   theme="light".
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DARK_THEME } from '../web/src/embed/dark-theme.js';

/** CSS text with rem lengths (outside @media preludes) made independent of the root font size. */
export function withoutRem(css) {
  return css.replace(/(@media[^{]*\{)|(^|[^\w.-])(-?(?:\d+\.?\d*|\.\d+))rem\b/g, (all, media, before, num) => (
    media ?? `${before}calc(${num} * var(--al-font-size, 16px))`));
}

export function remFreePlugin(webRoot) {
  return {
    name: 'rem-free',
    setup(b) {
      b.onLoad({ filter: /\.css$/ }, async (args) => {
        if (!args.path.startsWith(webRoot)) return undefined; // KaTeX's own CSS uses em only
        return { contents: withoutRem(await readFile(args.path, 'utf8')), loader: 'css', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

export function darkThemeCss(theme = DARK_THEME) {
  const body = Object.entries(theme).map(([k, v]) => `  ${k}: ${v};`).join('\n');
  return `:host([theme='dark']) {\n  color-scheme: dark;\n${body}\n}\n@media (prefers-color-scheme: dark) {\n  :host(:not([theme='light'])) {\n  color-scheme: dark;\n${body}\n  }\n}\n`;
}

export const darkThemePlugin = {
  name: 'dark-theme',
  setup(b) {
    b.onResolve({ filter: /^virtual:dark-theme$/ }, () => ({ path: 'dark-theme', namespace: 'dark-theme' }));
    b.onLoad({ filter: /.*/, namespace: 'dark-theme' }, () => ({ contents: darkThemeCss(), loader: 'css' }));
  },
};
