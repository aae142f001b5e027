/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import {
  CONTENT_SECURITY_POLICY,
  isLabWorkerPath,
  LAB_WORKER_POLICY,
} from './src/contentPolicy.ts';

/** `vite preview` sends each response its policy as a header (the lab worker its own). */
function previewPolicyHeaders(): Plugin {
  return {
    name: 'preview-policy-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const lab = isLabWorkerPath(req.url ?? '');
        res.setHeader('Content-Security-Policy', lab ? LAB_WORKER_POLICY : CONTENT_SECURITY_POLICY);
        next();
      });
    },
  };
}

/**
 * Node modules KafkaJS requires, for the code lab's worker: polyfills, or an empty module. (knip
 * cannot see the polyfill packages used through these aliases: knip.json ignores them.)
 */
const nodeStub = fileURLToPath(new URL('./src/lab/nodeStub.ts', import.meta.url));
const exactly = (name: string, replacement: string) => ({
  // Exact names only: `util` must not capture `util/...` paths inside the polyfills.
  find: new RegExp(`^${name}$`),
  replacement,
});
const NODE_MODULE_ALIASES = [
  ...['events', 'util', 'assert', 'buffer'].map((name) =>
    exactly(name, fileURLToPath(new URL(`./node_modules/${name}/`, import.meta.url))),
  ),
  ...['net', 'tls', 'zlib', 'crypto'].map((name) => exactly(name, nodeStub)),
];

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), previewPolicyHeaders()],
  resolve: { alias: NODE_MODULE_ALIASES },
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Vite warns about minified size; the budget that matters is gzip (npm run size).
    chunkSizeWarningLimit: 1000,
  },
  server: { host: 'localhost', port: 5173 },
  preview: { host: 'localhost', port: 4173 },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
