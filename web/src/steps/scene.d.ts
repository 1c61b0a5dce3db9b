// The scene contract as types (docs/ARCHITECTURE.md, "Scene contract"): what a step folder's
// inputs.js, model.js and view.js export, the ctx a view gets, and what defineScene makes of them.
// Checked by `tsc --noEmit -p tests/types` (tests/types/scene-usage.ts) in npm test, with the real
// step folders assigned to these types.
import type { Engine } from '../../../wasm/engine.js';

interface InputBase<T> {
  /** the learner-facing name used in every sentence about this input */
  label: string;
  default: T;
}
export interface NumberInput extends InputBase<number> {
  type: 'number';
  min?: number;
  max?: number;
  integer?: boolean;
  /** clamp without a sentence (a slider that cannot go further) */
  quietClamp?: boolean;
  /** how a value is said in a sentence, when the stored number is not what the learner sees
   *  (a 0-based word position is "word 3", −1 "the last word") */
  say?: (value: number) => string;
  /** the range in words, for the same reason ("word 1 to word 64, or the last word") */
  rangeText?: string;
}
export interface BooleanInput extends InputBase<boolean> { type: 'boolean' }
export interface ChoiceInput extends InputBase<string | number> {
  type: 'choice';
  choices: readonly (string | number)[];
  /** each choice as the learner sees it, for sentences (the ids otherwise) */
  choiceLabels?: Readonly<Record<string, string>>;
}
export interface TextInput extends InputBase<string> { type: 'text'; maxLength?: number }
export interface NumbersInput extends InputBase<readonly number[]> {
  type: 'numbers';
  length?: number;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** for problems that name the entry: "row 2 (Apple), column 2 (dim 2)" */
  cols?: number;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
}
export interface IndicesInput extends InputBase<readonly number[]> { type: 'indices'; count?: number }
/** a list whose entries the scene checks itself (older scenes) */
export type InputSpec = NumberInput | BooleanInput | ChoiceInput | TextInput | NumbersInput | IndicesInput;

/** inputs.js's INPUTS: every input of a step, by name */
export type Schema = Readonly<Record<string, InputSpec>>;

/** The checked values of a schema, one per input (what model() and render() receive). */
export type Values<S extends Schema> = { -readonly [K in keyof S]: ValueOf<S[K]> };
/** The value an input holds once checked, by its type. */
export type ValueOf<I> = I extends { type: 'number' } ? number
  : I extends { type: 'boolean' } ? boolean
  : I extends { type: 'choice' } ? string | number
  : I extends { type: 'text' } ? string
  : I extends { type: 'numbers' | 'indices' } ? number[]
  : never;

/** The page state every view renders from (state.js). */
export interface LessonState {
  step: string;
  scenes: Record<string, Record<string, unknown>>;
  ui: { table: boolean; [key: string]: unknown };
}

/** A step's id, title and number, from the registry (steps/index.js). */
export interface StepInfo {
  readonly id: string;
  readonly title: string;
  readonly number: number;
}

/** What mount(host, ctx) gets. */
export interface SceneContext {
  engine: Engine;
  /** KaTeX HTML typeset at build time, by formula name (the only HTML a view may insert) */
  formulas: Readonly<Record<string, string>>;
  /** the step's words (content/steps.js) */
  text: unknown;
  /** this scene's checked inputs */
  get(): Record<string, unknown>;
  /** checks the patch through the schema, stores it, re-renders (next frame) and updates the hash */
  set(patch: Record<string, unknown>): void;
  /** speaks through the lesson's live region, now */
  announce(text: string): void;
  /**
   * speaks once the learner pauses: `delay` ms (default 250) after the last call; a function is
   * read when it speaks. A newer announcement replaces a waiting one; leaving the step drops it.
   */
  announceSettled(text: string | (() => string), delay?: number): void;
  reducedMotion(): boolean;
  goTo(stepId: string): void;
  stepInfo(stepId: string): StepInfo | null;
  ui: LessonState['ui'];
  setUi(patch: Partial<LessonState['ui']>): void;
}

/** view.js's mount(): built once per visit of the step; render() draws a model, DOM only. */
export interface SceneView<M = unknown, V = Record<string, unknown>> {
  render(model: M, values: V, state: LessonState): void;
  destroy?(): void;
}
export interface ViewModule<M = unknown, V = Record<string, unknown>> {
  mount(host: HTMLElement, ctx: SceneContext): SceneView<M, V>;
}

/** A step folder's index.js: its schema, its pure model and its view. */
export interface SceneFolder<S extends Schema = Schema, M = unknown> {
  inputs: S;
  /** pure: inputs + engine → every number and sentence the step shows; no DOM */
  model(values: Values<S>, engine: Engine): M;
  view: ViewModule<M, Values<S>>;
}

/** What the lesson mounts: made by defineScene from a folder. */
export interface Scene<S extends Schema = Schema> extends StepInfo {
  inputs: S;
  defaults(): Values<S>;
  mount(host: HTMLElement, ctx: SceneContext): { render(values: Values<S>, state: LessonState): void; destroy(): void };
  model?: (values: Values<S>, engine: Engine) => unknown;
}
