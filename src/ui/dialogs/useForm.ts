// What every form in a dialog keeps: whether it has been submitted (problems show from then on,
// not while the person is still typing) and what the engine said when it refused.
import { useState } from 'react';
import type { DispatchResult } from '../../engine';
import type { Checked } from '../../app/validation';
import { engineErrorText, useT } from '../hooks';
import { problemText } from './problems';

export function useForm() {
  const t = useT();
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  return {
    touched,
    submitted: () => setTouched(true),
    /** A field's problem in words, once the form has been submitted. */
    show: (check: Checked<unknown>) =>
      touched && !check.ok ? problemText(check.problem, t) : null,
    refusal,
    /** True when the engine took the command; otherwise its words are shown in the form. */
    accepted(result: DispatchResult): boolean {
      if (!result.ok) {
        setRefusal(t('dialog.engineSaid', { message: engineErrorText(result.error, t) }));
      }
      return result.ok;
    },
  };
}
