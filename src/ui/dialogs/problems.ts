// A form problem in the current language.
import type { FieldProblem } from '../../app/validation';
import type { Translate } from '../../i18n';

export function problemText(problem: FieldProblem, t: Translate): string {
  return t(`forms.errors.${problem.key}`, problem.params);
}
