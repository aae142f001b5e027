// Every reason a scenario file did not load, each with the field it names: the catalogue's words
// in the page's language and, where those are general, the loader's own (English) detail.
import type { EngineError } from '../../engine';
import { errorText } from '../../i18n/describe';
import { useT } from '../hooks';

export function ImportErrors({ errors, fileName }: { errors: EngineError[]; fileName: string }) {
  const t = useT();
  return (
    <div className="share-errors" role="alert">
      <strong>{t('share.importFailed', { file: fileName })}</strong>
      <ul>
        {errors.map((error, i) => {
          const text =
            error.code === 'INVALID_JSON'
              ? t('share.notJson', { message: error.message })
              : errorText(error, t);
          const named = error.field && !text.includes(error.field);
          const detail = text !== error.message && error.code !== 'INVALID_JSON';
          return (
            <li key={i}>
              {named && <code>{error.field}</code>}
              {named && ': '}
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
    </div>
  );
}
