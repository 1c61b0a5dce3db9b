// Types of the <attention-lesson> element (dist/attention-lesson.js, `attention-lesson/element`)
// and of the xAPI statements its events carry. The engine's types are wasm/engine.d.ts (the
// package's main entry); this file only refers to them. Not the implementation: see
// attention-lesson-element.js and ../quiz/events.js.
import type { Engine } from '../../../wasm/engine.js';

/** An xAPI Agent (who the statements are about). */
export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage: string; name: string };
}

export type LanguageMap = Record<string, string>;

export interface XapiInteractionDefinition {
  type: 'http://adlnet.gov/expapi/activities/cmi.interaction';
  name: LanguageMap;
  description: LanguageMap;
  interactionType: 'choice' | 'numeric' | 'sequencing' | 'other';
  choices?: { id: string; description: LanguageMap }[];
  correctResponsesPattern?: string[];
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: {
    objectType: 'Activity';
    id: string;
    definition: XapiInteractionDefinition | { type: string; name: LanguageMap };
  };
  result: {
    score: { raw: number; min: number; max: number; scaled: number };
    success: boolean;
    completion?: true;
    response: string;
    duration: string;
  };
  context?: {
    contextActivities?: { parent: { objectType: 'Activity'; id: string }[] };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

/** The step ids of the lesson, in order (tests/js/readme.test.js checks them against the registry). */
export type StepId =
  | 'why-attention' | 'contextual-meaning' | 'dot-product' | 'softmax' | 'first-version' | 'qkv'
  | 'worked-example' | 'matrix-form' | 'scaling' | 'sentence' | 'causal-mask' | 'positions'
  | 'multi-head' | 'mistake-lab' | 'cost' | 'summary' | 'watch-learning' | 'which-apple-learned'
  | 'one-layer-limit' | 'two-layers' | 'causal-learning' | 'exercise' | 'real-model' | 'transformer-block';

/** What the element mounts (element.lesson, element.ready). */
export interface MountedLesson {
  goTo(step: StepId): boolean;
  state(): { step: StepId; [key: string]: unknown };
  readonly engine: Engine;
  readonly quiz: {
    progress(): { answered: number; total: number; correct: number; raw: number; max: number; scaled: number; completed: boolean };
    reset(): void;
    on(event: 'answered' | 'completed' | 'reveal' | 'progress' | 'notice', listener: (payload: unknown) => void): () => void;
  } | null;
  readonly root: HTMLElement;
  destroy(): void;
}

export declare class AttentionLessonElement extends HTMLElement {
  /** A promise of the mounted lesson (rejects when the engine cannot start). */
  readonly ready: Promise<MountedLesson>;
  /** The mounted lesson, or null while loading. */
  readonly lesson: MountedLesson | null;
  /** Who the xAPI statements are about; wins over the actor attribute. */
  actor: XapiAgent | null;
  /** Show a step; false when it is not among the steps shown. */
  goTo(step: StepId): boolean;
  /** The built file names (content-hashed in dist/). */
  static readonly assets: Record<string, string>;
}

export interface AttentionLessonEventMap {
  'lesson-ready': CustomEvent<{ steps: StepId[] | null; step: StepId }>;
  'lesson-answered': CustomEvent<XapiStatement>;
  'lesson-completed': CustomEvent<XapiStatement>;
}

declare global {
  interface HTMLElementTagNameMap { 'attention-lesson': AttentionLessonElement }
  interface HTMLElementEventMap extends AttentionLessonEventMap {}
  interface DocumentEventMap extends AttentionLessonEventMap {}
}
