// The QMF's scales as [value, score] pairs, stated once: the answers (met 3, partly met 2, not met
// 1, not applicable unscored) and the RAG ratings, which QMF v2 and the community templates built
// on its item shapes must both keep.
export const QMF_ANSWER_SCORES = [
  ['met', 3],
  ['partly-met', 2],
  ['not-met', 1],
  ['not-applicable', undefined],
];

export const RAG_SCORES = [
  ['green', 3],
  ['amber', 2],
  ['red', 1],
];

/** A template's response options or rating scale as [value, score] pairs. */
export const scoresOf = (options: ReadonlyArray<{ value: string; score?: number }>) =>
  options.map((o) => [o.value, o.score]);
