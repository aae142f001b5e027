import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './test/e2e/chromium';

// E2E_PORT lets several checkouts run their browser tests at once (each needs its own port).
const PORT = Number(process.env.E2E_PORT || 4173);
const chosen = findChromium();
const LESSON_WALKS = /lessons-[ab]\.spec\.ts$/;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chosen?.executablePath,
      args: CHROMIUM_FLAGS,
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  // Two workers (files, not tests, in parallel) on CI's two cores. At one worker CI came to 18.6
  // minutes of its 20; three were slower than two once every scene had its controllers (CI 16.8
  // minutes against 14.3 here, 2026-12-06). The lesson walks are their own project, listed
  // first: their two long files start at once, one per worker, and the app's many short files
  // fill in around them.
  projects: [
    { name: 'lessons', testMatch: LESSON_WALKS },
    { name: 'app', testIgnore: LESSON_WALKS },
  ],
  webServer: {
    // `npm test` builds just before (its size check), and says so with E2E_PREBUILT=1.
    command: `${process.env.E2E_PREBUILT ? '' : 'npx vite build && '}npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
  },
});
