// Flat config. Two rules carry the architecture (design.md section 2):
// the engine is deterministic (no clocks, timers, global randomness or DOM),
// and imports flow one way: engine <- scenario <- worker <- app <- ui.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const layersAboveEngine = ['scenario', 'worker', 'app', 'ui', 'cli', 'i18n'];

export const engineDeterminismRules = {
  'no-restricted-globals': [
    'error',
    ...[
      'Date',
      'performance',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'queueMicrotask',
      'requestAnimationFrame',
      'window',
      'document',
      'self',
      'globalThis',
      'crypto',
      'fetch',
    ].map((name) => ({
      name,
      message: `src/engine is deterministic: '${name}' is banned there. Time comes from the sim clock, randomness from the seeded generator.`,
    })),
  ],
  'no-restricted-properties': [
    'error',
    {
      object: 'Math',
      property: 'random',
      message:
        'src/engine is deterministic: use the seeded generator (sim/rng.ts), never Math.random.',
    },
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: `(^|/)(${layersAboveEngine.join('|')})(/|$)`,
          message:
            'src/engine may not import from the layers above it (scenario, worker, app, ui, cli, i18n).',
        },
        {
          regex: '^(react|react-dom|zustand|d3-.*|i18next|react-i18next|node:.*|fs|path)$',
          message: 'src/engine is pure TypeScript: no UI, DOM or Node libraries.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'node_modules/**',
      'tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: engineDeterminismRules,
  },
  ...kernelRules(),
  ...upperLayerRules(),
  prettier,
);

// Kernels are pure algorithms with their own tests (design.md section 2): they import only each
// other, nothing from the engine around them, so the tested code is the code that runs. A
// relative import that climbs out of src/engine/kernels/ is refused, at every folder depth.
function kernelRules() {
  const enginePatterns = engineDeterminismRules['no-restricted-imports'][1].patterns;
  return [0, 1, 2].map((depth) => ({
    files: [`src/engine/kernels/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...enginePatterns,
            {
              regex: `^\\.\\.(/\\.\\.){${depth}}(/|$)`,
              message:
                'src/engine/kernels/ is pure: a kernel imports other kernels only, never the engine around it.',
            },
          ],
        },
      ],
    },
  }));
}

// The same one-way rule for the layers above the engine.
function upperLayerRules() {
  const above = {
    scenario: ['worker', 'app', 'ui', 'cli'],
    worker: ['app', 'ui', 'cli'],
    app: ['ui', 'cli'],
  };
  return Object.entries(above).map(([layer, banned]) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)(${banned.join('|')})(/|$)`,
              message: `src/${layer} may not import from the layers above it (${banned.join(', ')}).`,
            },
          ],
        },
      ],
    },
  }));
}
