import { useSimStore } from '../app/store';
import { SimClock } from './SimClock';

export function App() {
  const { status, engineVersion, error } = useSimStore();
  return (
    <main>
      <h1>Kafka Visual Simulator</h1>
      {status === 'error' && <p role="alert">Engine worker failed: {error}</p>}
      <p>
        Engine: <span data-testid="engine-version">{engineVersion ?? 'starting…'}</span>
      </p>
      <SimClock />
    </main>
  );
}
