// Every reason an input was refused, one line each, in the page's language and naming the field
// ("topics[0].partitions: must be a whole number >= 1, got 0"). Where the catalogue's words are
// more general than the loader's, the loader's own (English) words follow in small type.
import type { EngineError } from '../../engine';
import { errorLine } from '../../i18n/describe';
import { useT } from '../hooks';

export function ErrorList({ errors }: { errors: EngineError[] }) {
  const t = useT();
  return (
    <ul className="error-list">
      {errors.map((error, i) => {
        const text =
          error.code === 'INVALID_JSON'
            ? t('share.notJson', { message: error.message })
            : errorLine(error, t);
        // The loader's own words add something only where the catalogue's sentence is general.
        const detail =
          error.code !== 'INVALID_JSON' &&
          error.params?.ruleKey === undefined &&
          !sameWords(text, error.message);
        return (
          <li key={i}>
            {text}
            {detail && (
              <span className="detail" lang="en">
                {error.message}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The English line says nothing more than the translated one (the page is in English). */
function sameWords(shown: string, english: string): boolean {
  const plain = (s: string) =>
    s
      .replace(/[^a-z0-9]+/gi, ' ')
      .trim()
      .toLowerCase();
  return plain(shown).includes(plain(english)) || plain(english).includes(plain(shown));
}
