// Scenario files on the page: save the session as JSON (a download), and load one the learner
// picked or dropped. The worker checks what is loaded; its named-field errors come back whole.
import type { EngineError, Scenario } from '../../engine';
import type { SimClient } from '../../app/client';

/** Load a scenario file; null when it loaded, else every reason it did not. */
export async function loadScenarioFile(
  client: Pick<SimClient, 'load'>,
  file: Blob,
): Promise<EngineError[] | null> {
  let scenario: unknown;
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    scenario = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
  } catch (error) {
    return [
      {
        code: 'INVALID_JSON',
        message: error instanceof Error ? error.message : String(error),
      },
    ];
  }
  const result = await client.load({ kind: 'scenario', scenario });
  return result.ok ? null : result.errors;
}

/** Offer `scenario` as a file download. */
export function downloadScenario(scenario: Scenario, fileName: string): void {
  const blob = new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The first file of a drop or a file input that looks like a scenario (any file, if none). */
export function pickScenarioFile(files: FileList | null | undefined): File | null {
  if (!files || files.length === 0) return null;
  const all = [...files];
  return all.find((f) => /\.json$/i.test(f.name) || f.type === 'application/json') ?? all[0];
}
