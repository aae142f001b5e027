// The engine's metric samples, kept on the page for whoever draws them (the Charts panel, the
// group cards' lag sparklines). While someone listens it asks the worker once a second for the
// samples it has not seen (`metrics(fromT)`), and for all of them again when the play head went
// back (a seek, a fork, a new scenario): the samples after the play head are then not history.
import type { MetricsHistory } from '../engine';
import type { SimClient } from './client';

export type MetricsListener = (history: MetricsHistory) => void;

/** How often the samples are asked for (wall ms): the engine takes one per simulated second. */
export const METRICS_POLL_MS = 1000;

export class MetricsFeed {
  history: MetricsHistory = { columns: [], samples: [] };
  private listeners = new Set<MetricsListener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopFrames: (() => void) | null = null;
  /** The samples held are no longer history: ask for all of them. */
  private stale = true;
  private asking = false;
  private again = false;

  constructor(private readonly client: SimClient) {}

  subscribe(listener: MetricsListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    else if (this.history.samples.length > 0) listener(this.history);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private start(): void {
    this.stale = true;
    this.stopFrames = this.client.onFrame((frame) => {
      const last = this.history.samples.at(-1);
      if (frame.cause === 'load' || frame.cause === 'seek' || (last && frame.now < last.t)) {
        this.stale = true;
        void this.poll();
      }
    });
    this.timer = setInterval(() => void this.poll(), METRICS_POLL_MS);
    void this.poll();
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.stopFrames?.();
    this.stopFrames = null;
  }

  private async poll(): Promise<void> {
    if (this.asking) {
      this.again = true;
      return;
    }
    this.asking = true;
    try {
      const full = this.stale;
      this.stale = false;
      const last = this.history.samples.at(-1);
      const reply = await this.client.metrics(full || !last ? undefined : last.t + 1);
      if (this.listeners.size === 0) return;
      if (this.stale) return; // the play head went back meanwhile: the next poll asks again
      if (full || !last) this.history = reply;
      else if (reply.samples.length > 0) {
        const samples = this.history.samples.concat(reply.samples);
        this.history = { columns: reply.columns, samples: samples.slice(-SAMPLES_KEPT) };
      } else return;
      for (const listener of this.listeners) listener(this.history);
    } catch {
      // The worker was replaced (a new scenario): the next poll asks the new one.
      this.stale = true;
    } finally {
      this.asking = false;
      if (this.again) {
        this.again = false;
        void this.poll();
      }
    }
  }
}

/** As many as the engine keeps (SAMPLE_CAP). */
const SAMPLES_KEPT = 600;

const feeds = new WeakMap<SimClient, MetricsFeed>();

/** The one feed of this simulator's client. */
export function metricsFeed(client: SimClient): MetricsFeed {
  let feed = feeds.get(client);
  if (!feed) {
    feed = new MetricsFeed(client);
    feeds.set(client, feed);
  }
  return feed;
}
