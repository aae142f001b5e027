// Which Chromium the browser tests and the UI benchmark launch. Playwright cannot download its
// own browser on our machines, so we look for one in this order:
// 1. PLAYWRIGHT_CHROMIUM_PATH (an empty value counts as unset),
// 2. Debian's /usr/bin/chromium,
// 3. Playwright's own downloaded browser, if someone installed it.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumChoice {
  /** undefined means "Playwright's own browser". */
  executablePath: string | undefined;
  source: 'env' | 'debian' | 'playwright';
}

export function findChromium(): ChromiumChoice | null {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH || '';
  if (fromEnv) {
    return existsSync(fromEnv) ? { executablePath: fromEnv, source: 'env' } : null;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: 'debian' };
  try {
    if (existsSync(chromium.executablePath()))
      return { executablePath: undefined, source: 'playwright' };
  } catch {
    // Playwright throws when it has no browser registry entry: treat as "not installed".
  }
  return null;
}

export const NO_CHROMIUM_MESSAGE = [
  'No Chromium found for the browser tests.',
  process.env.PLAYWRIGHT_CHROMIUM_PATH
    ? `  PLAYWRIGHT_CHROMIUM_PATH points at ${process.env.PLAYWRIGHT_CHROMIUM_PATH}, which does not exist.`
    : "  Looked at PLAYWRIGHT_CHROMIUM_PATH (unset), /usr/bin/chromium and Playwright's own browser.",
  'Install one of:',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
  '  any machine:    export PLAYWRIGHT_CHROMIUM_PATH=/path/to/chrome-or-chromium',
  '  with internet:  npx playwright install chromium',
].join('\n');
