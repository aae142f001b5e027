// Run before the browser tests: fail early and say what to install, instead of a stack trace.
import { findChromium, NO_CHROMIUM_MESSAGE } from '../test/e2e/chromium';

const choice = findChromium();
if (!choice) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
console.log(
  `Browser tests use Chromium from ${choice.source}: ${choice.executablePath ?? "Playwright's own"}`,
);
