// Where everything goes in the scene, in scene units (1 unit = 1 CSS px at zoom 1). A pure
// function of the cluster's shape, so the SVG, the canvas (flight end points) and the tests all
// agree. Producers on the left, brokers in the middle with the partition logs under them,
// consumer groups on the right. Big clusters switch to a compact mode: broker tiles in a grid,
// topic summaries instead of offset strips, consumers as small chips.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutInput {
  brokers: { id: number; hosted: string[] }[];
  topics: { name: string; partitions: string[]; groups: string[] }[];
  producers: string[];
  groups: { id: string; consumers: string[] }[];
}

export type LayoutMode = 'detailed' | 'compact';

export interface BrokerBox {
  rect: Rect;
  header: Rect;
  /** Replica rows by partition key (detailed mode). */
  rows: Map<string, Rect>;
  /** Where the replica mini-grid goes (compact mode). */
  grid: Rect;
  actions: Rect;
}

export interface StripBox {
  rect: Rect;
  label: Rect;
  cells: Rect;
  /** One marker row per group reading the topic, below the cells. */
  groupRows: { groupId: string; y: number }[];
}

export interface SceneLayout {
  mode: LayoutMode;
  width: number;
  height: number;
  sections: { producers: Rect; brokers: Rect; partitions: Rect; groups: Rect };
  producers: Map<string, Rect>;
  brokers: Map<number, BrokerBox>;
  topics: Map<string, Rect>;
  strips: Map<string, StripBox>;
  groups: Map<string, Rect>;
  consumers: Map<string, Rect>;
}

/** Switch to the compact mode above these sizes. */
export const COMPACT_BROKERS = 8;
export const COMPACT_PARTITIONS = 48;
export const COMPACT_CONSUMERS = 40;

export const D = {
  margin: 20,
  heading: 34,
  gutter: 48,
  producerW: 204,
  producerH: 144,
  producerGap: 16,
  brokerW: 192,
  brokerGap: 16,
  brokerHeader: 66,
  rowH: 40,
  rowGap: 4,
  brokerActions: 50,
  topicTitle: 30,
  stripTop: 20,
  stripCells: 26,
  stripOffsets: 14,
  stripGroupRow: 18,
  stripGap: 12,
  stripLabelW: 120,
  cellW: 24,
  groupW: 288,
  // title and generation, state, and the note on what a rebalance revokes
  groupHeader: 114,
  consumerH: 64,
  groupFooter: 44,
  groupGap: 16,
  // compact
  tileW: 132,
  tileH: 120,
  tileGap: 12,
  topicSummaryH: 64,
  compactProducerH: 92,
  compactGroupW: 236,
  chipW: 40,
  chipH: 22,
  chipGap: 4,
};

export function chooseMode(input: LayoutInput): LayoutMode {
  const partitions = input.topics.reduce((n, t) => n + t.partitions.length, 0);
  const consumers = input.groups.reduce((n, g) => n + g.consumers.length, 0);
  return input.brokers.length > COMPACT_BROKERS ||
    partitions > COMPACT_PARTITIONS ||
    consumers > COMPACT_CONSUMERS
    ? 'compact'
    : 'detailed';
}

export function computeLayout(input: LayoutInput, mode = chooseMode(input)): SceneLayout {
  return mode === 'detailed' ? detailed(input) : compact(input);
}

function rect(x: number, y: number, w: number, h: number): Rect {
  return { x, y, w, h };
}

function detailed(input: LayoutInput): SceneLayout {
  const top = D.margin + D.heading;
  // Producers
  const producerX = D.margin;
  const producers = new Map<string, Rect>();
  input.producers.forEach((id, i) => {
    producers.set(
      id,
      rect(producerX, top + i * (D.producerH + D.producerGap), D.producerW, D.producerH),
    );
  });
  const producersBottom = top + Math.max(1, input.producers.length) * (D.producerH + D.producerGap);

  // Brokers: equal columns, as tall as the busiest one.
  const brokersX = producerX + D.producerW + D.gutter;
  const maxRows = Math.max(1, ...input.brokers.map((b) => b.hosted.length));
  const brokerH = D.brokerHeader + maxRows * (D.rowH + D.rowGap) + 6 + D.brokerActions;
  const brokers = new Map<number, BrokerBox>();
  input.brokers.forEach((b, i) => {
    const x = brokersX + i * (D.brokerW + D.brokerGap);
    const r = rect(x, top, D.brokerW, brokerH);
    const rows = new Map<string, Rect>();
    b.hosted.forEach((key, row) => {
      rows.set(
        key,
        rect(x + 8, top + D.brokerHeader + row * (D.rowH + D.rowGap), D.brokerW - 16, D.rowH),
      );
    });
    brokers.set(b.id, {
      rect: r,
      header: rect(x, top, D.brokerW, D.brokerHeader),
      rows,
      grid: rect(x + 8, top + D.brokerHeader, D.brokerW - 16, maxRows * (D.rowH + D.rowGap)),
      actions: rect(
        x + 6,
        top + brokerH - D.brokerActions + 4,
        D.brokerW - 12,
        D.brokerActions - 12,
      ),
    });
  });
  const brokersW = Math.max(
    input.brokers.length * (D.brokerW + D.brokerGap) - D.brokerGap,
    D.stripLabelW + 14 * D.cellW + 16,
  );

  // Partition logs under the brokers, one block per topic.
  const topics = new Map<string, Rect>();
  const strips = new Map<string, StripBox>();
  // Room under the brokers for a highlight's label ("crashed", "fenced") above the heading.
  let y = top + brokerH + D.heading + 28;
  const partitionsTop = y - D.heading;
  for (const topic of input.topics) {
    const stripH = Math.max(
      76,
      D.stripTop + D.stripCells + D.stripOffsets + topic.groups.length * D.stripGroupRow + 6,
    );
    const blockH = D.topicTitle + topic.partitions.length * (stripH + D.stripGap);
    topics.set(topic.name, rect(brokersX, y, brokersW, blockH));
    topic.partitions.forEach((key, i) => {
      const sy = y + D.topicTitle + i * (stripH + D.stripGap);
      const cellsX = brokersX + D.stripLabelW;
      strips.set(key, {
        rect: rect(brokersX, sy, brokersW, stripH),
        label: rect(brokersX, sy, D.stripLabelW - 8, stripH),
        cells: rect(cellsX, sy + D.stripTop, brokersW - D.stripLabelW - 4, D.stripCells),
        groupRows: topic.groups.map((groupId, g) => ({
          groupId,
          y: sy + D.stripTop + D.stripCells + D.stripOffsets + 4 + g * D.stripGroupRow,
        })),
      });
    });
    y += blockH + 8;
  }
  const partitionsBottom = Math.max(y, partitionsTop + D.heading + 40);

  // Consumer groups on the right.
  const groupsX = brokersX + brokersW + D.gutter;
  const groups = new Map<string, Rect>();
  const consumers = new Map<string, Rect>();
  let gy = top;
  for (const g of input.groups) {
    // An empty group keeps one row's room, for the words "No consumers".
    const h = D.groupHeader + Math.max(1, g.consumers.length) * D.consumerH + D.groupFooter;
    groups.set(g.id, rect(groupsX, gy, D.groupW, h));
    g.consumers.forEach((id, i) => {
      consumers.set(
        id,
        rect(groupsX + 8, gy + D.groupHeader + i * D.consumerH, D.groupW - 16, D.consumerH - 6),
      );
    });
    gy += h + D.groupGap;
  }
  const groupsBottom = Math.max(gy, top + 60);

  const width = groupsX + D.groupW + D.margin;
  const height = Math.max(producersBottom, partitionsBottom, groupsBottom) + D.margin;
  return {
    mode: 'detailed',
    width,
    height,
    sections: {
      producers: rect(producerX, D.margin, D.producerW, producersBottom - D.margin),
      brokers: rect(brokersX, D.margin, brokersW, brokerH + D.heading),
      partitions: rect(brokersX, partitionsTop, brokersW, partitionsBottom - partitionsTop),
      groups: rect(groupsX, D.margin, D.groupW, groupsBottom - D.margin),
    },
    producers,
    brokers,
    topics,
    strips,
    groups,
    consumers,
  };
}

function compact(input: LayoutInput): SceneLayout {
  const top = D.margin + D.heading;
  const producers = new Map<string, Rect>();
  input.producers.forEach((id, i) => {
    producers.set(
      id,
      rect(
        D.margin,
        top + i * (D.compactProducerH + D.producerGap),
        D.producerW,
        D.compactProducerH,
      ),
    );
  });
  const producersBottom =
    top + Math.max(1, input.producers.length) * (D.compactProducerH + D.producerGap);

  // Broker tiles in a grid about twice as wide as tall.
  const n = Math.max(1, input.brokers.length);
  const columns = Math.max(1, Math.min(n, Math.ceil(Math.sqrt(n * 2))));
  const brokersX = D.margin + D.producerW + D.gutter;
  const brokers = new Map<number, BrokerBox>();
  input.brokers.forEach((b, i) => {
    const x = brokersX + (i % columns) * (D.tileW + D.tileGap);
    const y = top + Math.floor(i / columns) * (D.tileH + D.tileGap);
    brokers.set(b.id, {
      rect: rect(x, y, D.tileW, D.tileH),
      header: rect(x, y, D.tileW, 44),
      rows: new Map(),
      grid: rect(x + 8, y + 46, D.tileW - 16, 26),
      actions: rect(x + 4, y + D.tileH - 34, D.tileW - 8, 30),
    });
  });
  const rowsOfTiles = Math.ceil(n / columns);
  const brokersW = columns * (D.tileW + D.tileGap) - D.tileGap;
  const brokersBottom = top + rowsOfTiles * (D.tileH + D.tileGap);

  const topics = new Map<string, Rect>();
  let y = brokersBottom + D.heading + 6;
  const partitionsTop = y - D.heading;
  for (const topic of input.topics) {
    topics.set(topic.name, rect(brokersX, y, brokersW, D.topicSummaryH));
    y += D.topicSummaryH + 10;
  }
  const partitionsBottom = Math.max(y, partitionsTop + D.heading + 40);

  // Groups in as many columns as keep them about as tall as the brokers and topics.
  const groupsX = brokersX + brokersW + D.gutter;
  const perRow = Math.floor((D.compactGroupW - 16 + D.chipGap) / (D.chipW + D.chipGap));
  const groupHeights = input.groups.map(
    (g) => 52 + Math.max(1, Math.ceil(g.consumers.length / perRow)) * (D.chipH + D.chipGap) + 8,
  );
  const targetH = Math.max(partitionsBottom - top, 400);
  const groups = new Map<string, Rect>();
  const consumers = new Map<string, Rect>();
  let column = 0;
  let gy = top;
  input.groups.forEach((g, i) => {
    const h = groupHeights[i];
    if (gy > top && gy + h - top > targetH) {
      column++;
      gy = top;
    }
    const gx = groupsX + column * (D.compactGroupW + D.groupGap);
    groups.set(g.id, rect(gx, gy, D.compactGroupW, h));
    g.consumers.forEach((id, c) => {
      consumers.set(
        id,
        rect(
          gx + 8 + (c % perRow) * (D.chipW + D.chipGap),
          gy + 52 + Math.floor(c / perRow) * (D.chipH + D.chipGap),
          D.chipW,
          D.chipH,
        ),
      );
    });
    gy += h + D.groupGap;
  });
  const groupColumns = input.groups.length ? column + 1 : 1;
  const groupsW = groupColumns * (D.compactGroupW + D.groupGap) - D.groupGap;
  const groupsBottom = Math.max(
    top + 60,
    ...[...groups.values()].map((r) => r.y + r.h + D.groupGap),
  );

  return {
    mode: 'compact',
    width: groupsX + groupsW + D.margin,
    height: Math.max(producersBottom, partitionsBottom, groupsBottom) + D.margin,
    sections: {
      producers: rect(D.margin, D.margin, D.producerW, producersBottom - D.margin),
      brokers: rect(brokersX, D.margin, brokersW, brokersBottom - D.margin),
      partitions: rect(brokersX, partitionsTop, brokersW, partitionsBottom - partitionsTop),
      groups: rect(groupsX, D.margin, groupsW, groupsBottom - D.margin),
    },
    producers,
    brokers,
    topics,
    strips: new Map(),
    groups,
    consumers,
  };
}

/** The point on a rectangle's edge that faces another point. */
export function edgeToward(r: Rect, other: { x: number; y: number }): { x: number; y: number } {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  if (other.x > r.x + r.w) return { x: r.x + r.w, y: cy };
  if (other.x < r.x) return { x: r.x, y: cy };
  return { x: cx, y: other.y > cy ? r.y + r.h : r.y };
}

export function centre(r: Rect): { x: number; y: number } {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
