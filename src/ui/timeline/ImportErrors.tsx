// Every reason a scenario file did not load, each with the field it names.
import type { EngineError } from '../../engine';
import { ErrorList } from '../chrome/ErrorList';
import { useT } from '../hooks';

export function ImportErrors({ errors, fileName }: { errors: EngineError[]; fileName: string }) {
  const t = useT();
  return (
    <div className="share-errors" role="alert">
      <strong>{t('share.importFailed', { file: fileName })}</strong>
      <ErrorList errors={errors} />
    </div>
  );
}
