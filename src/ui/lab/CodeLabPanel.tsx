// The code lab: an editor with a KafkaJS program, Run and Stop, and its console. The program
// runs in a worker of its own (src/lab/lab.worker.ts) whose sockets reach this page's engine
// worker, so what it does shows in the picture and the event log like any client.
import { useEffect, useRef, useState } from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { useSim, useSimClient, useSimStore } from '../../app/SimulatorProvider';
import type { FromLab, ToLab } from '../../lab/messages';
import { useT } from '../hooks';
import { labExample } from './example';
import './codeLab.css';

interface Line {
  id: number;
  level: 'log' | 'error' | 'status';
  text: string;
}

export default function CodeLabPanel() {
  const t = useT();
  const client = useSimClient();
  const store = useSimStore();
  const editorHost = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorView | null>(null);
  const worker = useRef<Worker | null>(null);
  // idle: nothing running; running: the program's main code; finished: it returned, but what it
  // left running (a consumer's loop, open connections) lives on until Stop or the next Run.
  const [phase, setPhase] = useState<'idle' | 'running' | 'finished'>('idle');
  const [lines, setLines] = useState<Line[]>([]);
  const nextLine = useRef(1);
  const basePort = useSim((s) => s.brokerBasePort);

  useEffect(() => {
    const view = new EditorView({
      doc: labExample(store.getState().brokerBasePort),
      extensions: [
        basicSetup,
        javascript(),
        EditorView.contentAttributes.of({ 'aria-label': t('lab.editor') }),
      ],
      parent: editorHost.current!,
    });
    // The scroller can be reached by keyboard too (axe: scrollable regions are focusable).
    view.scrollDOM.tabIndex = 0;
    editor.current = view;
    return () => {
      view.destroy();
      if (worker.current) {
        worker.current.terminate();
        // A new port closes the run's connections in the engine, as a killed process's would.
        client.openLabPort()?.close();
      }
    };
    // The editor is made once; its label follows the language at the next opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const print = (level: Line['level'], text: string) =>
    setLines((old) => [...old.slice(-499), { id: nextLine.current++, level, text }]);

  const stop = (why: string | null) => {
    worker.current?.terminate();
    worker.current = null;
    // A new port closes the last run's connections in the engine, as a killed process's would.
    client.openLabPort()?.close();
    setPhase('idle');
    if (why !== null) print('status', why);
  };

  const run = () => {
    const port = client.openLabPort();
    if (!port) return print('error', t('lab.noEngine'));
    worker.current?.terminate();
    const w = new Worker(new URL('../../lab/lab.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setLines([]);
    setPhase('running');
    print('status', t('lab.started'));
    w.onmessage = (event: MessageEvent<FromLab>) => {
      const m = event.data;
      if (m.type === 'console') return print(m.level, m.text);
      setPhase('finished');
      print(m.error === null ? 'status' : 'error', m.error ?? t('lab.finished'));
    };
    w.onerror = (event) => {
      print('error', event.message);
      stop(null);
    };
    const code = editor.current?.state.doc.toString() ?? '';
    const basePort = store.getState().brokerBasePort;
    w.postMessage({ type: 'run', code, port, basePort } satisfies ToLab, [port]);
  };

  return (
    <section id="code-lab" className="code-lab" aria-labelledby="code-lab-title">
      <div className="code-lab-head">
        <h2 id="code-lab-title">{t('lab.title')}</h2>
        <p className="muted">{t('lab.hint', { port: basePort, next: basePort + 1 })}</p>
        <div className="code-lab-buttons">
          <button
            type="button"
            className="button primary"
            onClick={run}
            disabled={phase === 'running'}
          >
            {t('lab.run')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => stop(t('lab.stopped'))}
            disabled={phase === 'idle'}
          >
            {t('lab.stop')}
          </button>
          <button
            type="button"
            className="panel-close"
            aria-label={t('lab.close')}
            onClick={() => {
              stop(null);
              store.setState({ labOpen: false });
            }}
          >
            ×
          </button>
        </div>
      </div>
      <div className="code-lab-body">
        <div className="code-lab-editor" ref={editorHost} />
        <ol
          className="code-lab-console"
          aria-label={t('lab.console')}
          aria-live="polite"
          // A scrolling log is reached by keyboard too (axe: scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
        >
          {lines.map((line) => (
            <li key={line.id} className={`code-lab-line ${line.level}`}>
              {line.text}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
