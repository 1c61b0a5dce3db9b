// Types of define-scene.js (see scene.d.ts).
import type { Scene, SceneFolder, Schema, StepInfo } from './scene.js';

export function defineScene<S extends Schema, M>(info: StepInfo, folder: SceneFolder<S, M>): Scene<S> & { model: SceneFolder<S, M>['model'] };
