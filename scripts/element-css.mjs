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

/**
 * The same dark values for the pages (index.html, embed.html, the single file): on the document
 * and on .al-root (whose light defaults they must beat), when the system prefers dark unless
 * <html data-theme="light">, and always with <html data-theme="dark">.
 */
export function pageDarkThemeCss(theme = DARK_THEME) {
  const body = Object.entries(theme).map(([k, v]) => `  ${k}: ${v};`).join('\n');
  const page = '  color-scheme: dark;\n  --al-page-bg: var(--al-bg);\n';
  const sel = (s) => `html${s}, html${s} .al-root`;
  const paint = (s) => `html${s} { background: var(--al-bg); color: var(--al-fg); }\n`;
  return `${sel("[data-theme='dark']")} {\n${page}${body}\n}\n${paint("[data-theme='dark']")}`
    + `@media (prefers-color-scheme: dark) {\n${sel(":not([data-theme='light'])")} {\n${page}${body}\n}\n${paint(":not([data-theme='light'])")}}\n`;
}

export const darkThemePlugin = {
  name: 'dark-theme',
  setup(b) {
    b.onResolve({ filter: /^virtual:(page-)?dark-theme$/ }, (args) => ({ path: args.path.slice(8), namespace: 'dark-theme' }));
    b.onLoad({ filter: /.*/, namespace: 'dark-theme' }, (args) => ({
      contents: args.path === 'page-dark-theme' ? pageDarkThemeCss() : darkThemeCss(), loader: 'css',
    }));
  },
};
