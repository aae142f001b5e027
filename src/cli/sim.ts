// Entry point of `npm run sim` (package.json): see main.ts, or run it with --help.
import { runSim } from './main';

// exitCode rather than exit(): a large output piped to another program is flushed first.
process.exitCode = runSim(process.argv.slice(2));
