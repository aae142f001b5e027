// Small helpers the lessons share: texts in both languages, lookups in the live view, and event
// matchers for `done` and `pauseOn`. Everything here is pure.
import type {
  ClusterView,
  ConfigEntry,
  ConsumerView,
  GroupView,
  PartitionView,
  ProducerView,
  SimEvent,
  SimEventType,
} from '../../engine';
import type { Choice, LessonStep, LocalText, Question, StepContext } from '../types';

/** A text in both languages. */
export const t = (en: string, zh: string): LocalText => ({ en, 'zh-CN': zh });

export const right = (text: LocalText, explanation: LocalText): Choice => ({
  text,
  correct: true,
  explanation,
});
export const wrong = (text: LocalText, explanation: LocalText): Choice => ({
  text,
  correct: false,
  explanation,
});
/**
 * A question. Lessons write the right answer first for readability; the choices are then rotated
 * by an amount taken from the prompt, so the right answer's place varies from question to
 * question but never between runs.
 */
export function question(prompt: LocalText, ...choices: Choice[]): Question {
  let h = 0;
  for (const ch of prompt.en) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const k = h % choices.length;
  return { prompt, choices: [...choices.slice(k), ...choices.slice(0, k)] };
}

export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

/** Narrow an event to one type. */
export function is<T extends SimEventType>(type: T, e: SimEvent): e is EventOf<T> {
  return e.type === type;
}

/** The events of one type since the step began, optionally filtered. */
export function eventsOf<T extends SimEventType>(
  ctx: StepContext,
  type: T,
  where: (e: EventOf<T>) => boolean = () => true,
): EventOf<T>[] {
  const out: EventOf<T>[] = [];
  for (const e of ctx.events) if (is(type, e) && where(e)) out.push(e);
  return out;
}

/** Did an event of this type (matching `where`) happen since the step began? */
export function happened<T extends SimEventType>(
  ctx: StepContext,
  type: T,
  where: (e: EventOf<T>) => boolean = () => true,
): boolean {
  return ctx.events.some((e) => is(type, e) && where(e));
}

/** A pauseOn / matcher for one event type. */
export function on<T extends SimEventType>(
  type: T,
  where: (e: EventOf<T>) => boolean = () => true,
): (e: SimEvent) => boolean {
  return (e) => is(type, e) && where(e);
}

/** The step is done at the moment `match` happens, and the run pauses right there. */
export function pauseAt(
  match: (e: SimEvent) => boolean,
): Required<Pick<LessonStep, 'done' | 'pauseOn'>> {
  return { done: (ctx) => ctx.events.some(match), pauseOn: match };
}

/** The events after the first one matching `first` (exclusive), or [] if it has not happened. */
export function after(ctx: StepContext, first: (e: SimEvent) => boolean): SimEvent[] {
  const i = ctx.events.findIndex(first);
  return i < 0 ? [] : ctx.events.slice(i + 1);
}

// ---------------------------------------------------------------------------------------------
// Lookups in the view
// ---------------------------------------------------------------------------------------------

/** "orders-2" -> topic "orders", partition 2 (topic names may contain dashes). */
export function splitKey(key: string): { topic: string; partition: number } {
  const i = key.lastIndexOf('-');
  return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)) };
}

export function partitionOf(view: ClusterView, key: string): PartitionView {
  const { topic, partition } = splitKey(key);
  const p = view.topics.find((x) => x.name === topic)?.partitions[partition];
  if (!p) throw new Error(`lesson: no partition ${key} in the view`);
  return p;
}

export function partitionsOf(view: ClusterView, topic: string): PartitionView[] {
  return view.topics.find((x) => x.name === topic)?.partitions ?? [];
}

export function groupOf(view: ClusterView, id: string): GroupView | undefined {
  return view.groups.find((g) => g.id === id);
}

export function consumerOf(view: ClusterView, id: string): ConsumerView | undefined {
  return view.consumers.find((c) => c.id === id);
}

export function producerOf(view: ClusterView, id: string): ProducerView | undefined {
  return view.producers.find((p) => p.id === id);
}

/** A config's value from an entity's config entries (view.brokers[i].config, topic.config...). */
export function configOf(entries: readonly ConfigEntry[], key: string): string | number {
  const e = entries.find((x) => x.key === key);
  if (!e) throw new Error(`lesson: no config ${key}`);
  return typeof e.value === 'boolean' ? String(e.value) : e.value;
}

/** A broker config of broker 1 (the lessons keep broker settings cluster-wide). */
export function brokerConfig(view: ClusterView, key: string): string | number {
  return configOf(view.brokers[0].config, key);
}

/** Total lag of a group over its partitions (0 where nothing is committed yet). */
export function groupLag(view: ClusterView, id: string): number {
  return (groupOf(view, id)?.offsets ?? []).reduce((sum, o) => sum + (o.lag ?? 0), 0);
}

/** A list of broker ids for narration: "1, 2, 3" (ids are never translated). */
export const ids = (list: readonly number[]): string => list.join(', ');

/** A duration in ms as seconds for narration ("6", "0.5"). */
export const seconds = (ms: number | string): string => String(Number(ms) / 1000);
