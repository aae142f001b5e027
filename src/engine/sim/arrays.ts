// Small array helpers for hot paths (splice allocates an array for what it removes).

/** Remove the element at `index`, keeping the order of the others; returns it. */
export function removeAt<T>(list: T[], index: number): T {
  const item = list[index];
  for (let i = index; i < list.length - 1; i++) list[i] = list[i + 1];
  list.pop();
  return item;
}
