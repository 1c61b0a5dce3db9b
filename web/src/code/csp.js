// Reads a Content-Security-Policy header and says whether it lets a script turn text into code
// (eval / new Function). The exercise asks this of its worker file's own policy (a dedicated
// worker runs under the policy its script was served with) before offering the code editor, so a
// strict page is recognised without attempting an eval it would refuse. Pure JS.

/** True when the policy (one header value; several policies joined by commas) forbids eval. */
export function cspForbidsEval(header) {
  if (!header || typeof header !== 'string') return false;
  return header.split(',').some((policy) => {
    const directives = new Map();
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources.map((s) => s.toLowerCase()));
    }
    const sources = directives.get('script-src') ?? directives.get('default-src');
    return sources !== undefined && !sources.includes("'unsafe-eval'");
  });
}

/** Fetches `url` (HEAD) and reads its policy → true (forbidden) | false | null (could not tell). */
export async function urlForbidsEval(url, fetchFn = globalThis.fetch) {
  if (typeof fetchFn !== 'function') return null;
  try {
    const r = await fetchFn(url, { method: 'HEAD', cache: 'no-store' });
    if (!r.ok) return null;
    return cspForbidsEval(r.headers.get('content-security-policy'));
  } catch {
    return null;
  }
}
