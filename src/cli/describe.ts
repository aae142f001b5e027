// The CLI's readable timeline: one line per event, in the words of the English catalogue (the
// same sentences the app's event log shows), with the sim time first.
import type { SimEvent } from '../engine';
import { createI18n } from '../i18n';
import { describeEvent as describeInWords } from '../i18n/describe';

const english = createI18n('en').t;

/** Sim time as seconds with milliseconds: 12345 -> "12.345s". */
export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

/** Network traffic (net.*): hidden from the timeline unless --verbose. */
export function isTraffic(event: SimEvent): boolean {
  return event.type.startsWith('net.');
}

/** "    12.345s  Broker 2 crashed" */
export function describeTimelineLine(event: SimEvent): string {
  return `${formatTime(event.t).padStart(10)}  ${describeEvent(event)}`;
}

/** One event in English. */
export function describeEvent(event: SimEvent): string {
  return describeInWords(event, english);
}
