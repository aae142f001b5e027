// Drop a scenario file anywhere on the page to load it (an exported session opens paused at its
// play head). While a file is dragged over the page, a frame says where it will go; a file that
// does not load opens the Share dialog with every error the loader names.
import { useEffect, useState } from 'react';
import { useSimClient, useSimStore } from '../../app/SimulatorProvider';
import { useT } from '../hooks';
import { loadScenarioFile, pickScenarioFile } from './scenarioFile';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function ScenarioDrop() {
  const t = useT();
  const client = useSimClient();
  const store = useSimStore();
  const [over, setOver] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when it left.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = pickScenarioFile(e.dataTransfer?.files);
      if (!file) return;
      void loadScenarioFile(client, file).then((errors) => {
        if (errors) store.setState({ dialog: { kind: 'share', errors, fileName: file.name } });
        else if (store.getState().dialog?.kind === 'share') store.setState({ dialog: null });
      });
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [client, store]);

  return over ? (
    <div className="drop-zone" aria-hidden="true">
      {t('share.dropHere')}
    </div>
  ) : null;
}
