// Prints the quiz bank's layout as an entry for web/src/embed/bank-history.js: the bank hash and,
// per position, "id:kind" plus the option ids of a choice question or the item ids of an order
// question, in the bank's order. Run it BEFORE changing the bank (questions.js or a bank-*.js
// file), paste its output into PAST_BANKS, make the change, then set CURRENT_BANK to the new
// hash (tests/js/suspend-data.test.js says which). Course systems keep SCORM progress by position
// in the bank; this is how progress saved under an older bank is still read after an update.
// Usage: node scripts/bank-layout.mjs
import { QUESTIONS } from '../web/src/quiz/questions.js';
import { bankHash, bankLayout } from '../web/src/embed/suspend-data.js';

console.log(`  // ${QUESTIONS.length} questions\n  '${bankHash(QUESTIONS)}': [\n${bankLayout(QUESTIONS).map((e) => `    '${e}',`).join('\n')}\n  ],`);
