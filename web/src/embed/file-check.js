// file-check.js — a small classic script that index.html and embed.html load before their module.
// Opened from disk (file://), browsers refuse the page's module script and its .wasm download, so
// the page would stay blank; this says why and what to do instead: open the single-file build,
// or serve the folder. Over http(s) it does nothing. Not part of the lesson itself.
(() => {
  if (globalThis.location?.protocol !== 'file:') return;
  const show = () => {
    const doc = document;
    const box = doc.createElement('div');
    box.className = 'al-file-warning';
    box.setAttribute('role', 'alert');
    const p = (text) => { const el = doc.createElement('p'); el.textContent = text; return el; };
    const code = doc.createElement('code');
    code.textContent = 'python3 -m http.server 8000';
    const serve = p('Or serve this folder with any web server and open the page through it, for example run ');
    serve.append(code, doc.createTextNode(' in this folder, then open http://localhost:8000/ in your browser.'));
    box.append(
      p('This page cannot run when opened as a file from your disk: browsers do not let such a page load its program or its maths engine (the .wasm files).'),
      p('Open attention-lesson.html from the same folder instead: it is the whole lesson in one file, made to be opened from disk, with no server and no network.'),
      serve,
    );
    box.style.cssText = 'max-width: 42em; margin: 1em auto; padding: 1em 1.25em; border: 2px solid #b42318; border-radius: 6px; background: #fff8f6; color: #1a1a1a; font: 16px/1.5 system-ui, sans-serif;';
    const host = doc.getElementById('lesson') ?? doc.body;
    host.prepend(box);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show, { once: true });
  else show();
})();
