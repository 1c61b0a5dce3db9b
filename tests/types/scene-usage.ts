// The scene contract's types (web/src/steps/scene.d.ts) against the real step folders:
// `tsc --noEmit -p tests/types` (npm test) fails when a folder stops exporting { inputs, model,
// view } of the declared shapes, or an inputs.js schema uses an input type or field state.js
// does not know. Never run, only type-checked; the @ts-expect-error lines must stay errors.
import type { SceneFolder, Schema, SceneContext, Values, NumberInput } from '../../web/src/steps/scene.js';
import { defineScene } from '../../web/src/steps/define-scene.js';
import * as s01 from '../../web/src/steps/01-why-attention/index.js';
import * as s02 from '../../web/src/steps/02-contextual-meaning/index.js';
import * as s03 from '../../web/src/steps/03-dot-product/index.js';
import * as s04 from '../../web/src/steps/04-softmax/index.js';
import * as s05 from '../../web/src/steps/05-first-version/index.js';
import * as s06 from '../../web/src/steps/06-qkv/index.js';
import * as s07 from '../../web/src/steps/07-worked-example/index.js';
import * as s08 from '../../web/src/steps/08-matrix-form/index.js';
import * as s09 from '../../web/src/steps/09-scaling/index.js';
import * as s10 from '../../web/src/steps/10-sentence/index.js';
import * as s11 from '../../web/src/steps/11-causal-mask/index.js';
import * as s12 from '../../web/src/steps/12-positions/index.js';
import * as s13 from '../../web/src/steps/13-multi-head/index.js';
import * as s14 from '../../web/src/steps/14-mistake-lab/index.js';
import * as s15 from '../../web/src/steps/15-cost/index.js';
import * as s16 from '../../web/src/steps/16-summary/index.js';
import * as s22 from '../../web/src/steps/22-exercise/index.js';
import * as s17 from '../../web/src/steps/17-watch-learning/index.js';
import * as s18 from '../../web/src/steps/18-which-apple-learned/index.js';
import * as s19 from '../../web/src/steps/19-one-layer-limit/index.js';
import * as s20 from '../../web/src/steps/20-two-layers/index.js';
import * as s21 from '../../web/src/steps/21-causal-learning/index.js';
import * as s23 from '../../web/src/steps/23-real-model/index.js';
import * as s24 from '../../web/src/steps/24-transformer-block/index.js';

// Every step folder (the training steps 17–21 build their schema from a task config, and steps 23–24
// load their view lazily; both still meet the contract).
const folders: SceneFolder[] = [s01, s02, s03, s04, s05, s06, s07, s08, s09, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19, s20, s21, s22, s23, s24];
const info = { id: 'softmax', title: 'Softmax: scores into shares', number: 4 };
const scene = defineScene(info, s04);
const gap: number = scene.defaults().gap as number;

// A schema typed by hand gets its values typed too.
const schema = { n: { type: 'number', min: 1, max: 8, default: 4, label: 'tokens' }, mask: { type: 'boolean', default: false, label: 'mask' } } as const satisfies Schema;
const values: Values<typeof schema> = { n: 3, mask: true };
// @ts-expect-error a number input's default is a number
const wrong: NumberInput = { type: 'number', default: '4', label: 'n' };
// @ts-expect-error an input type state.js does not know
const unknown: Schema = { x: { type: 'matrix', default: [], label: 'x' } };
declare const ctx: SceneContext;
ctx.set({ gap: 2 });
// @ts-expect-error announce takes words
ctx.announce(3);
void folders; void gap; void values; void wrong; void unknown;
