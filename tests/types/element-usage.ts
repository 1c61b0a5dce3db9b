// A small program against the element's types (web/src/embed/element.d.ts, the package's
// `attention-lesson/element`): `tsc --noEmit -p tests/types` (run by npm test) fails if they stop
// describing how docs/EMBEDDING.md uses the element. Never run, only type-checked; the lines
// marked as expected errors must stay errors.
import type { AttentionLessonElement, XapiStatement } from '../../web/src/embed/element.js';

export async function usage(): Promise<number> {
  const el = document.querySelector('attention-lesson');
  if (!el) return 0;
  const typed: AttentionLessonElement = el;
  typed.actor = { name: 'Ada', account: { homePage: 'https://lms.example.org', name: 'ada-17' } };
  typed.goTo('softmax');
  // @ts-expect-error not a step of the lesson
  typed.goTo('no-such-step');
  document.addEventListener('lesson-answered', (e) => {
    const st: XapiStatement = e.detail;
    const scaled: number = st.result.score.scaled;
    const pattern: string[] | undefined = 'interactionType' in st.object.definition ? st.object.definition.correctResponsesPattern : undefined;
    console.log(scaled, pattern);
  });
  el.addEventListener('lesson-completed', (e) => console.log(e.detail.result.success));
  const lesson = await typed.ready;
  const weights = lesson.engine.attention({ x: [1], n: 1, dModel: 1, wq: [1], wk: [1], wv: [1] }).heads[0].weights;
  return weights.length + (lesson.quiz?.progress().answered ?? 0);
}
