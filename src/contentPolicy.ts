// The built page may run only its own scripts and workers: no inline script, no eval, nothing
// from elsewhere (defence in depth; the app renders user text as text). Inline style stays
// allowed: React and d3 set style properties, which cannot run code. The dev server needs
// inline scripts for hot reload, so the policy is added to the build only (and as a header by `vite
// preview` and `npm run broker`).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The code lab's worker compiles the learner's program (src/lab/lab.worker.ts). A worker
 * script's policy is its own response's, not the page's: this one may compile code, nothing
 * else changes, and the page keeps the strict policy above.
 */
export const LAB_WORKER_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-eval'",
);

/** The built lab worker's script (assets/lab.worker-<hash>.js), which gets the policy above. */
export function isLabWorkerPath(url: string): boolean {
  return /\/lab\.worker-[^/]*\.js(\?|$)/.test(url);
}
