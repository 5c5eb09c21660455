// Choices written as a value → label table, the short and type-checked way to write a list of
// choices, and the one conversion to the { value, label } list that forms and templates show.

/** Options from a value → label table, in its order. */
export const optionsOf = <V extends string>(labels: Readonly<Record<V, string>>): Array<{ value: V; label: string }> =>
  (Object.entries(labels) as Array<[V, string]>).map(([value, label]) => ({ value, label }));
