/** Sim time as the inspector shows it: seconds with one decimal. */
export const time = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
