// Hover text for the messages on the wire: what kind of message it is (Kafka's API name, request
// or response), between whom, for which partition, with how many records. Mouse only: the legend
// says the same for everyone, and the event log names what the messages did.
import { useEffect, useState, type RefObject } from 'react';
import { apiNameOf, directionOf, trafficKindOf } from '../../app/traffic';
import type { Translate } from '../../i18n';
import { useT } from '../hooks';
import type { FlightHit } from './FlightCanvas';
import type { LiveFlight } from '../../app/frameBuffer';

/** How near the pointer must come to a message, in CSS px. */
const REACH = 12;

export function nodeName(node: string, t: Translate): string {
  const colon = node.indexOf(':');
  const kind = node.slice(0, colon);
  const id = node.slice(colon + 1);
  if (kind === 'controller') return t('quorum.title', { id });
  if (kind === 'zk') return t('zookeeper.title', { id });
  if (kind === 'external') return t('external.connectionName', { conn: id });
  return kind === 'broker' ? t('broker.title', { id }) : id;
}

export function describeFlight(f: LiveFlight, t: Translate): string {
  const kind = trafficKindOf(f);
  // Metadata log records and ZooKeeper's own packets are neither request nor answer.
  const way = directionOf(f.kind);
  const direction = way ? t(`traffic.${way}`) : '';
  const parts = [
    t('traffic.what', { kind: t(`traffic.${kind}`), api: apiNameOf(f.kind), direction }).trim(),
    `${nodeName(f.from, t)} → ${nodeName(f.to, t)}`,
  ];
  if (f.topic !== undefined && f.partition !== undefined) parts.push(`${f.topic}-${f.partition}`);
  if (f.recordCount > 0) parts.push(t('traffic.recordCount', { count: f.recordCount }));
  if (f.error) parts.push(f.error);
  if (f.lostAt !== null || f.dropped) parts.push(t('traffic.lost'));
  return parts.join(' · ');
}

export function TrafficTooltip({
  viewport,
  hits,
}: {
  viewport: RefObject<HTMLDivElement | null>;
  hits: RefObject<FlightHit[]>;
}) {
  const t = useT();
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const onMove = (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      const box = el.getBoundingClientRect();
      const x = event.clientX - box.left;
      const y = event.clientY - box.top;
      let best: FlightHit | null = null;
      let bestD = REACH;
      for (const h of hits.current ?? []) {
        const d = Math.hypot(h.x - x, h.y - y);
        if (d < bestD) {
          best = h;
          bestD = d;
        }
      }
      const text = best ? describeFlight(best.flight, t) : null;
      setTip((old) => {
        if (!text) return old ? null : old;
        return old && old.text === text && old.x === x && old.y === y ? old : { x, y, text };
      });
    };
    const onLeave = () => setTip(null);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    return () => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
    };
  }, [viewport, hits, t]);
  if (!tip) return null;
  return (
    <div className="traffic-tip" aria-hidden="true" style={{ left: tip.x + 14, top: tip.y + 14 }}>
      {tip.text}
    </div>
  );
}
