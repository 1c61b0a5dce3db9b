// @ts-check
// The probe's twin for the "it" tasks (steps 19 and 20): the same sentence with its adjective
// swapped for one of the other kind (an animal's state ↔ a place's), so that the right noun for
// "it" changes and nothing else does. The pairs follow the trainer's two adjective lists, in order.

/** @type {Record<string, string>} */
const OTHER_KIND = { tired: 'wide', sleepy: 'busy', scared: 'crowded', hungry: 'long', weak: 'icy', lazy: 'noisy' };
for (const [a, b] of Object.entries(OTHER_KIND)) OTHER_KIND[b] = a;

/**
 * The probe with its adjective swapped for one of the other kind, or null when it has none.
 * @param {string} probe
 */
export function otherAdjective(probe) {
  const words = probe.split(' ');
  const at = words.findIndex((w) => Object.hasOwn(OTHER_KIND, w.toLowerCase()));
  if (at < 0) return null;
  words[at] = OTHER_KIND[words[at].toLowerCase()];
  return words.join(' ');
}
