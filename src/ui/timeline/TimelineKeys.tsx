// The Timeline slider's own keys, as rows for the Keyboard shortcuts table (they act while the
// slider has focus; the global keys , < > come from the registry).
import { useT } from '../hooks';

export function TimelineKeyRows() {
  const t = useT();
  const rows: [string, string][] = [
    ['← →', t('timeline.keyArrows')],
    ['Page Up / Page Down, Shift + ← →', t('timeline.keyPage')],
    ['Home / End', t('timeline.keyHomeEnd')],
  ];
  return rows.map(([keys, action]) => (
    <tr key={keys}>
      <td>
        <kbd>{keys}</kbd>
      </td>
      <td>
        {t('timeline.keysTitle')}: {action}
      </td>
    </tr>
  ));
}
