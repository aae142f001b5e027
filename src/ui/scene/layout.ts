// Where everything goes in the scene, in scene units (1 unit = 1 CSS px at zoom 1). A pure
// function of the cluster's shape and of the width there is, so the SVG, the canvas (flight end
// points), the label placer and the tests all agree.
//
// The scene reflows rather than shrinks (design.md 4): it never draws its smallest text below a
// minimum scale, so when the window is narrow the pieces move instead. Three arrangements:
//   wide     producers | brokers over the partition logs | consumer groups
//   side     producers over the groups | brokers over the partition logs
//   stacked  producers, brokers, partition logs and groups one under the other
// Inside each, brokers form a grid that wraps, a group with many consumers lays them out in
// columns, and what is too big to draw in detail is summarised per part: broker tiles instead of
// columns in a big cluster, a health bar instead of offset strips for a topic with many
// partitions, consumer chips instead of rows for a very large group. `chooseLayout` picks the
// arrangement that reads biggest in the viewport.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutInput {
  /** Dedicated KRaft controller nodes (cluster.metadata), drawn in a row above the brokers. */
  controllers?: number[];
  /** ZooKeeper servers (cluster.metadata in ZooKeeper mode), in the same place. */
  zookeepers?: number[];
  brokers: { id: number; hosted: string[] }[];
  topics: { name: string; partitions: string[]; groups: string[] }[];
  producers: string[];
  groups: { id: string; consumers: string[] }[];
}

export type Arrangement = 'wide' | 'side' | 'stacked';
export const ARRANGEMENTS: Arrangement[] = ['wide', 'side', 'stacked'];

export interface BrokerBox {
  rect: Rect;
  header: Rect;
  /** Replica rows by partition key (broker columns). */
  rows: Map<string, Rect>;
  /** One row per summarised topic the broker hosts, by topic name (broker columns). */
  summaries: Map<string, Rect>;
  actions: Rect;
  /** Where this broker's labels go, under its column (broker columns only). */
  band: Rect | null;
}

/** A metadata node's card (KRaft controller or ZooKeeper server) and its row of buttons. */
export interface NodeCardBox {
  rect: Rect;
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
  arrangement: Arrangement;
  /** The partition logs take the whole width, in columns. */
  spread: boolean;
  /** Columns with a row per replica, or small tiles for a big cluster. */
  brokerStyle: 'columns' | 'tiles';
  width: number;
  height: number;
  sections: { producers: Rect; brokers: Rect; partitions: Rect; groups: Rect };
  /** Short producer cards (a big cluster). */
  compactProducers: boolean;
  producers: Map<string, Rect>;
  /** The controller nodes' cards and their buttons, above the brokers. */
  controllers: Map<number, NodeCardBox>;
  /** The ZooKeeper servers' cards and their buttons, above the brokers (ZooKeeper mode). */
  zookeepers: Map<number, NodeCardBox>;
  brokers: Map<number, BrokerBox>;
  topics: Map<string, Rect>;
  /** Offset strips per partition, or one health bar for the whole topic. */
  topicStyle: Map<string, 'strips' | 'summary'>;
  strips: Map<string, StripBox>;
  groups: Map<string, Rect>;
  /** A row per consumer (in columns when there are many), or small chips. */
  groupStyle: Map<string, 'rows' | 'chips'>;
  consumers: Map<string, Rect>;
}

/** Brokers become tiles above this many. */
export const TILE_BROKERS = 8;
/** A topic is summarised above this many partitions (the others keep their strips). */
export const SUMMARY_PARTITIONS = 24;
/** A group shows chips above this many consumers, or when the scene has more than CHIP_TOTAL. */
export const CHIP_GROUP = 40;
export const CHIP_TOTAL = 80;
/** Consumer rows per column before a group's card grows another column. */
export const ROWS_PER_COLUMN = 8;

export const D = {
  margin: 12,
  heading: 34,
  gutter: 24,
  stackGap: 20,
  producerW: 232,
  producerH: 162,
  producerGap: 16,
  compactProducerH: 122,
  brokerW: 192,
  brokerGap: 16,
  brokerHeader: 66,
  rowH: 40,
  rowGap: 4,
  summaryRowH: 28,
  brokerActions: 50,
  /** Labels under the broker columns: two lines. */
  bandLine: 24,
  bandLines: 2,
  topicTitle: 30,
  stripTop: 20,
  stripCells: 26,
  stripOffsets: 16,
  stripGroupRow: 20,
  stripGap: 12,
  stripLabelW: 132,
  cellW: 24,
  minCells: 14,
  groupW: 280,
  consumerW: 264,
  consumerGap: 8,
  // title and generation, state, and the note on what a rebalance revokes
  groupHeader: 114,
  consumerH: 64,
  groupFooter: 44,
  groupGap: 16,
  controllerW: 196,
  controllerH: 156,
  controllerActions: 44,
  /** A ZooKeeper card has one line more than a controller's: epoch, zxid and its clients. */
  zookeeperH: 178,
  tileW: 150,
  tileH: 120,
  tileGap: 12,
  topicSummaryH: 84,
  chipGroupW: 236,
  chipW: 44,
  chipH: 24,
  chipGap: 4,
};

export interface LayoutOptions {
  /** The width to fit, in scene units; Infinity lays everything out side by side. */
  width?: number;
  arrangement?: Arrangement;
  /** Let the partition logs take all the width there is, in columns. */
  spread?: boolean;
}

function rect(x: number, y: number, w: number, h: number): Rect {
  return { x, y, w, h };
}

const topicOfKey = (key: string) => key.slice(0, key.lastIndexOf('-'));

// ---------------------------------------------------------------------------------------------
// Blocks: each lays itself out at (0,0) in a given width and says how big it is; the
// arrangements then move them into place.
// ---------------------------------------------------------------------------------------------

interface Block {
  w: number;
  h: number;
  /** Shift everything in the block by (dx, dy) into the given layout maps. */
  place(dx: number, dy: number, out: SceneLayout): void;
}

const shift = (r: Rect, dx: number, dy: number): Rect => rect(r.x + dx, r.y + dy, r.w, r.h);

function producersBlock(input: LayoutInput, compact: boolean, width: number): Block {
  const h = compact ? D.compactProducerH : D.producerH;
  const perRow = Math.max(1, Math.floor((width + D.producerGap) / (D.producerW + D.producerGap)));
  const n = input.producers.length;
  const cols = Math.max(1, Math.min(n, perRow));
  const rows = Math.max(1, Math.ceil(n / cols));
  const cards = input.producers.map((id, i) => {
    const x = (i % cols) * (D.producerW + D.producerGap);
    const y = Math.floor(i / cols) * (h + D.producerGap);
    return [id, rect(x, y, D.producerW, h)] as const;
  });
  return {
    w: cols * (D.producerW + D.producerGap) - D.producerGap,
    h: rows * (h + D.producerGap) - D.producerGap,
    place(dx, dy, out) {
      for (const [id, r] of cards) out.producers.set(id, shift(r, dx, dy));
    },
  };
}

/** Which topics are summarised: those with many partitions, each on its own. */
function summarised(input: LayoutInput): Set<string> {
  return new Set(
    input.topics.filter((t) => t.partitions.length > SUMMARY_PARTITIONS).map((t) => t.name),
  );
}

function brokerGrid(input: LayoutInput, tiles: boolean, width: number): Block {
  const n = input.brokers.length;
  const cellW = tiles ? D.tileW : D.brokerW;
  const gap = tiles ? D.tileGap : D.brokerGap;
  const fit = Math.max(1, Math.floor((width + gap) / (cellW + gap)));
  // A grid about as wide as it can be; rows as even as possible (5 brokers in 2 rows: 3 + 2).
  const rowsOfBrokers = Math.max(1, Math.ceil(n / fit));
  const cols = Math.max(1, Math.ceil(n / rowsOfBrokers));
  const summary = summarised(input);
  const boxes: [number, BrokerBox][] = [];
  let rowH: number;
  let bandH = 0;
  if (tiles) {
    rowH = D.tileH;
  } else {
    const rowsFor = (hosted: string[]) => {
      const detailed = hosted.filter((k) => !summary.has(topicOfKey(k)));
      const topics = new Set(hosted.filter((k) => summary.has(topicOfKey(k))).map(topicOfKey));
      return { detailed, topics: [...topics] };
    };
    const heights = input.brokers.map((b) => {
      const r = rowsFor(b.hosted);
      return r.detailed.length * (D.rowH + D.rowGap) + r.topics.length * (D.summaryRowH + D.rowGap);
    });
    const body = Math.max(D.rowH + D.rowGap, ...heights);
    rowH = D.brokerHeader + body + 6 + D.brokerActions;
    bandH = D.bandLines * D.bandLine + 8;
    input.brokers.forEach((b, i) => {
      const x = (i % cols) * (cellW + gap);
      const y = Math.floor(i / cols) * (rowH + bandH + gap);
      const r = rowsFor(b.hosted);
      const rows = new Map<string, Rect>();
      let ry = y + D.brokerHeader;
      for (const key of r.detailed) {
        rows.set(key, rect(x + 8, ry, cellW - 16, D.rowH));
        ry += D.rowH + D.rowGap;
      }
      const summaries = new Map<string, Rect>();
      for (const topic of r.topics) {
        summaries.set(topic, rect(x + 8, ry, cellW - 16, D.summaryRowH));
        ry += D.summaryRowH + D.rowGap;
      }
      boxes.push([
        b.id,
        {
          rect: rect(x, y, cellW, rowH),
          header: rect(x, y, cellW, D.brokerHeader),
          rows,
          summaries,
          actions: rect(x + 6, y + rowH - D.brokerActions + 4, cellW - 12, D.brokerActions - 12),
          band: rect(x, y + rowH + 4, cellW, D.bandLines * D.bandLine),
        },
      ]);
    });
  }
  if (tiles) {
    input.brokers.forEach((b, i) => {
      const x = (i % cols) * (cellW + gap);
      const y = Math.floor(i / cols) * (rowH + gap);
      boxes.push([
        b.id,
        {
          rect: rect(x, y, cellW, rowH),
          header: rect(x, y, cellW, 44),
          rows: new Map(),
          summaries: new Map(),
          actions: rect(x + 4, y + rowH - 34, cellW - 8, 30),
          band: null,
        },
      ]);
    });
  }
  const gridRows = Math.max(1, Math.ceil(n / cols));
  return {
    w: cols * (cellW + gap) - gap,
    h: gridRows * (rowH + bandH + gap) - gap,
    place(dx, dy, out) {
      for (const [id, box] of boxes) {
        out.brokers.set(id, {
          rect: shift(box.rect, dx, dy),
          header: shift(box.header, dx, dy),
          rows: new Map([...box.rows].map(([k, r]) => [k, shift(r, dx, dy)])),
          summaries: new Map([...box.summaries].map(([k, r]) => [k, shift(r, dx, dy)])),
          actions: shift(box.actions, dx, dy),
          band: box.band && shift(box.band, dx, dy),
        });
      }
    },
  };
}

/** Who keeps the metadata, drawn as a row of cards: KRaft controllers or ZooKeeper servers. */
function metadataRow(
  input: LayoutInput,
): { ids: number[]; h: number; into: 'controllers' | 'zookeepers' } | null {
  if (input.controllers?.length) {
    return { ids: input.controllers, h: D.controllerH, into: 'controllers' };
  }
  if (input.zookeepers?.length) {
    return { ids: input.zookeepers, h: D.zookeeperH, into: 'zookeepers' };
  }
  return null;
}

/**
 * The brokers, with the KRaft controllers or the ZooKeeper servers (if any) in a row of their own
 * above them: those keep the metadata, the brokers the data. The row wraps where it is too wide.
 */
function brokersBlock(input: LayoutInput, tiles: boolean, width: number): Block {
  const grid = brokerGrid(input, tiles, width);
  const row = metadataRow(input);
  if (!row) return grid;
  const { ids, h } = row;
  const gap = D.brokerGap;
  const fit = Math.max(1, Math.floor((width + gap) / (D.controllerW + gap)));
  const cols = Math.min(ids.length, fit);
  const lines = Math.ceil(ids.length / cols);
  const rowW = cols * (D.controllerW + gap) - gap;
  const below = lines * (h + gap) + gap;
  return {
    w: Math.max(grid.w, rowW),
    h: below + grid.h,
    place(dx, dy, out) {
      ids.forEach((id, i) => {
        const x = dx + (i % cols) * (D.controllerW + gap);
        const y = dy + Math.floor(i / cols) * (h + gap);
        out[row.into].set(id, {
          rect: rect(x, y, D.controllerW, h),
          actions: rect(
            x + 6,
            y + h - D.controllerActions + 2,
            D.controllerW - 12,
            D.controllerActions - 8,
          ),
        });
      });
      grid.place(dx, dy + below, out);
    },
  };
}

const MIN_STRIP_W = D.stripLabelW + D.minCells * D.cellW + 4;

function stripHeight(groups: number): number {
  return Math.max(78, D.stripTop + D.stripCells + D.stripOffsets + groups * D.stripGroupRow + 8);
}

/**
 * The partition logs in `width`: one column of strips, or (spread) as many columns as fit, the
 * topics and their strips flowing down each column in turn, so a wide screen shows more of them
 * side by side instead of a long scroll.
 */
function partitionsBlock(input: LayoutInput, width: number, spread: boolean): Block {
  const cols = spread ? Math.max(1, Math.floor((width + D.gutter) / (MIN_STRIP_W + D.gutter))) : 1;
  const colW = spread
    ? Math.max(MIN_STRIP_W, (width - (cols - 1) * D.gutter) / cols)
    : Math.max(width, MIN_STRIP_W);
  const summary = summarised(input);
  // The pieces, top to bottom: a topic's title with its first strip (never apart), its other
  // strips, and summary bars.
  type Piece = { h: number; topic: string; title: boolean; strip: string | null; summary: boolean };
  const pieces: Piece[] = [];
  for (const topic of input.topics) {
    if (summary.has(topic.name)) {
      pieces.push({
        h: D.topicSummaryH + 10,
        topic: topic.name,
        title: true,
        strip: null,
        summary: true,
      });
      continue;
    }
    const stripH = stripHeight(topic.groups.length) + D.stripGap;
    if (topic.partitions.length === 0) {
      pieces.push({
        h: D.topicTitle + 8,
        topic: topic.name,
        title: true,
        strip: null,
        summary: false,
      });
    }
    topic.partitions.forEach((key, i) => {
      pieces.push({
        h: (i === 0 ? D.topicTitle : 0) + stripH + (i === topic.partitions.length - 1 ? 8 : 0),
        topic: topic.name,
        title: i === 0,
        strip: key,
        summary: false,
      });
    });
  }
  const total = pieces.reduce((n, p) => n + p.h, 0);
  const target = total / cols;
  const topics = new Map<string, { rect: Rect; style: 'strips' | 'summary' }>();
  const strips: [string, StripBox][] = [];
  let col = 0;
  let y = 0;
  let maxH = 0;
  for (const piece of pieces) {
    // Next column once this one has its share (a column never starts empty).
    if (col < cols - 1 && y > 0 && y + piece.h / 2 > target) {
      col++;
      y = 0;
    }
    const x = col * (colW + D.gutter);
    if (piece.summary) {
      topics.set(piece.topic, { rect: rect(x, y, colW, D.topicSummaryH), style: 'summary' });
    } else if (piece.title) {
      topics.set(piece.topic, { rect: rect(x, y, colW, D.topicTitle), style: 'strips' });
    }
    if (piece.strip) {
      const topic = input.topics.find((t) => t.name === piece.topic)!;
      const sy = y + (piece.title ? D.topicTitle : 0);
      const stripH = stripHeight(topic.groups.length);
      strips.push([
        piece.strip,
        {
          rect: rect(x, sy, colW, stripH),
          label: rect(x, sy, D.stripLabelW - 8, stripH),
          cells: rect(x + D.stripLabelW, sy + D.stripTop, colW - D.stripLabelW - 4, D.stripCells),
          groupRows: topic.groups.map((groupId, g) => ({
            groupId,
            y: sy + D.stripTop + D.stripCells + D.stripOffsets + 4 + g * D.stripGroupRow,
          })),
        },
      ]);
      // A topic's rectangle covers its strips in the column where it starts.
      const t = topics.get(piece.topic)!;
      if (t.rect.x === x) t.rect = { ...t.rect, h: sy + stripH - t.rect.y };
    }
    y += piece.h;
    maxH = Math.max(maxH, y);
  }
  const usedCols = col + 1;
  return {
    w: usedCols * colW + (usedCols - 1) * D.gutter,
    h: Math.max(maxH, 40),
    place(dx, dy, out) {
      for (const [name, t] of topics) {
        out.topics.set(name, shift(t.rect, dx, dy));
        out.topicStyle.set(name, t.style);
      }
      for (const [key, st] of strips) {
        out.strips.set(key, {
          rect: shift(st.rect, dx, dy),
          label: shift(st.label, dx, dy),
          cells: shift(st.cells, dx, dy),
          groupRows: st.groupRows.map((g) => ({ groupId: g.groupId, y: g.y + dy })),
        });
      }
    },
  };
}

/** A group drawn as chips (no per-consumer buttons in the scene). */
export function drawsChips(input: LayoutInput, g: { consumers: string[] }): boolean {
  const total = input.groups.reduce((n, x) => n + x.consumers.length, 0);
  return g.consumers.length > CHIP_GROUP || total > CHIP_TOTAL;
}

/** One group's card at (0,0) in at most `width`. */
function groupCard(
  input: LayoutInput,
  g: { id: string; consumers: string[] },
  width: number,
): { w: number; h: number; chips: boolean; consumers: [string, Rect][] } {
  const n = g.consumers.length;
  if (drawsChips(input, g)) {
    const w = D.chipGroupW;
    const perRow = Math.floor((w - 16 + D.chipGap) / (D.chipW + D.chipGap));
    const consumers = g.consumers.map(
      (id, c) =>
        [
          id,
          rect(
            8 + (c % perRow) * (D.chipW + D.chipGap),
            56 + Math.floor(c / perRow) * (D.chipH + D.chipGap),
            D.chipW,
            D.chipH,
          ),
        ] as [string, Rect],
    );
    const h = 56 + Math.max(1, Math.ceil(n / perRow)) * (D.chipH + D.chipGap) + 8;
    return { w, h, chips: true, consumers };
  }
  const fit = Math.max(1, Math.floor((width - 16 + D.consumerGap) / (D.consumerW + D.consumerGap)));
  const cols = Math.max(1, Math.min(fit, Math.ceil(n / ROWS_PER_COLUMN)));
  const perCol = Math.max(1, Math.ceil(n / cols));
  const w = Math.max(D.groupW, cols * (D.consumerW + D.consumerGap) - D.consumerGap + 16);
  const consumers = g.consumers.map(
    (id, i) =>
      [
        id,
        rect(
          8 + Math.floor(i / perCol) * (D.consumerW + D.consumerGap),
          D.groupHeader + (i % perCol) * D.consumerH,
          D.consumerW,
          D.consumerH - 6,
        ),
      ] as [string, Rect],
  );
  // An empty group keeps one row's room, for the words "No consumers".
  return { w, h: D.groupHeader + perCol * D.consumerH + D.groupFooter, chips: false, consumers };
}

/**
 * Groups one under the other in `width`, and in several columns when that keeps them no taller
 * than `height` (the big scene's twenty groups).
 */
function groupsBlock(input: LayoutInput, width: number, height: number, flow: boolean): Block {
  const cards = input.groups.map((g) => ({ id: g.id, ...groupCard(input, g, width) }));
  const placed: { id: string; x: number; y: number; card: (typeof cards)[number] }[] = [];
  let x = 0;
  let y = 0;
  let columnW = 0;
  let rowH = 0;
  let maxW = 0;
  let maxH = 0;
  for (const card of cards) {
    if (flow) {
      // Left to right, wrapping at the width (the stacked arrangement).
      if (x > 0 && x + card.w > width) {
        x = 0;
        y += rowH + D.groupGap;
        rowH = 0;
      }
      placed.push({ id: card.id, x, y, card });
      x += card.w + D.groupGap;
      rowH = Math.max(rowH, card.h);
    } else {
      // Top to bottom, a new column when this one is tall enough.
      if (y > 0 && y + card.h > height && x + columnW + D.groupGap + card.w <= width) {
        x += columnW + D.groupGap;
        y = 0;
        columnW = 0;
      }
      placed.push({ id: card.id, x, y, card });
      y += card.h + D.groupGap;
      columnW = Math.max(columnW, card.w);
    }
    maxW = Math.max(maxW, placed.at(-1)!.x + card.w);
    maxH = Math.max(maxH, placed.at(-1)!.y + card.h);
  }
  return {
    w: Math.max(maxW, D.groupW),
    h: Math.max(maxH, 40),
    place(dx, dy, out) {
      for (const p of placed) {
        out.groups.set(p.id, rect(p.x + dx, p.y + dy, p.card.w, p.card.h));
        out.groupStyle.set(p.id, p.card.chips ? 'chips' : 'rows');
        for (const [id, r] of p.card.consumers) {
          out.consumers.set(id, shift(r, p.x + dx, p.y + dy));
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Arrangements
// ---------------------------------------------------------------------------------------------

function emptyLayout(arrangement: Arrangement, tiles: boolean, spread: boolean): SceneLayout {
  const zero = rect(0, 0, 0, 0);
  return {
    arrangement,
    spread,
    brokerStyle: tiles ? 'tiles' : 'columns',
    width: 0,
    height: 0,
    sections: { producers: zero, brokers: zero, partitions: zero, groups: zero },
    compactProducers: tiles,
    producers: new Map(),
    controllers: new Map(),
    zookeepers: new Map(),
    brokers: new Map(),
    topics: new Map(),
    topicStyle: new Map(),
    strips: new Map(),
    groups: new Map(),
    groupStyle: new Map(),
    consumers: new Map(),
  };
}

/** The brokers and, under them, the partition logs, in `width`. */
function middleBlocks(input: LayoutInput, tiles: boolean, width: number, spread: boolean) {
  const brokers = brokersBlock(input, tiles, width);
  const partitions = partitionsBlock(
    input,
    spread && Number.isFinite(width) ? width : brokers.w,
    spread,
  );
  return { brokers, partitions, w: Math.max(brokers.w, partitions.w) };
}

export function computeLayout(input: LayoutInput, options: LayoutOptions = {}): SceneLayout {
  const width = options.width ?? Infinity;
  const arrangement = options.arrangement ?? 'wide';
  const spread = options.spread ?? false;
  const tiles = input.brokers.length > TILE_BROKERS;
  const out = emptyLayout(arrangement, tiles, spread);
  const m = D.margin;
  const top = m + D.heading;
  const inner = width - 2 * m;

  const headingAbove = (x: number, y: number, w: number, h: number) =>
    rect(x, y - D.heading, w, h + D.heading);

  if (arrangement === 'stacked') {
    const producers = producersBlock(input, tiles, inner);
    const middle = middleBlocks(input, tiles, inner, spread);
    let y = top;
    producers.place(m, y, out);
    out.sections.producers = headingAbove(m, y, producers.w, producers.h);
    y += producers.h + D.stackGap + D.heading;
    middle.brokers.place(m, y, out);
    out.sections.brokers = headingAbove(m, y, middle.brokers.w, middle.brokers.h);
    y += middle.brokers.h + D.stackGap + D.heading;
    middle.partitions.place(m, y, out);
    out.sections.partitions = headingAbove(m, y, middle.partitions.w, middle.partitions.h);
    y += middle.partitions.h + D.stackGap + D.heading;
    const groups = groupsBlock(input, Math.max(inner, D.groupW), Infinity, true);
    groups.place(m, y, out);
    out.sections.groups = headingAbove(m, y, groups.w, groups.h);
    y += groups.h;
    out.width = 2 * m + Math.max(producers.w, middle.w, groups.w);
    out.height = y + m;
    return out;
  }

  const producers = producersBlock(input, tiles, D.producerW);
  const x0 = m;
  if (arrangement === 'side') {
    // Left: producers, then the groups; right: brokers and logs with what width is left.
    const middleW = Math.max(D.brokerW, inner - D.gutter - Math.max(D.groupW, producers.w));
    const middle = middleBlocks(input, tiles, middleW, spread);
    const leftW = Math.max(producers.w, D.groupW, inner - D.gutter - middle.w);
    const groups = groupsBlock(input, leftW, Infinity, false);
    const left = Math.max(producers.w, groups.w);
    producers.place(x0, top, out);
    out.sections.producers = headingAbove(x0, top, producers.w, producers.h);
    const gy = top + producers.h + D.stackGap + D.heading;
    groups.place(x0, gy, out);
    out.sections.groups = headingAbove(x0, gy, groups.w, groups.h);
    const mx = x0 + left + D.gutter;
    placeMiddle(middle, mx, top, out);
    out.width = mx + middle.w + m;
    out.height =
      Math.max(gy + groups.h, top + middle.brokers.h + D.heading + middle.partitions.h) + m;
    return out;
  }

  // wide: producers | brokers and logs | groups
  const groupsNatural = groupsBlock(input, Infinity, Infinity, false);
  const naturalGroupsW = Math.min(groupsNatural.w, Math.max(D.groupW, inner / 2));
  const middleW = Math.max(D.brokerW, inner - producers.w - naturalGroupsW - 2 * D.gutter);
  const middle = middleBlocks(input, tiles, middleW, spread);
  const mx = x0 + producers.w + D.gutter;
  const gx = mx + middle.w + D.gutter;
  const middleH = middle.brokers.h + D.heading + middle.partitions.h;
  const groupsW = Math.max(D.groupW, width - m - gx);
  // Groups fill columns about as tall as the brokers and logs (many groups in a big cluster).
  const groups = groupsBlock(input, groupsW, Math.max(middleH, 400), false);
  producers.place(x0, top, out);
  out.sections.producers = headingAbove(x0, top, producers.w, producers.h);
  placeMiddle(middle, mx, top, out);
  groups.place(gx, top, out);
  out.sections.groups = headingAbove(gx, top, groups.w, groups.h);
  out.width = gx + groups.w + m;
  out.height = top + Math.max(producers.h, middleH, groups.h) + m;
  return out;
}

function placeMiddle(
  middle: ReturnType<typeof middleBlocks>,
  x: number,
  top: number,
  out: SceneLayout,
): void {
  middle.brokers.place(x, top, out);
  out.sections.brokers = rect(x, top - D.heading, middle.brokers.w, middle.brokers.h + D.heading);
  const py = top + middle.brokers.h + D.heading;
  middle.partitions.place(x, py, out);
  out.sections.partitions = rect(
    x,
    py - D.heading,
    middle.partitions.w,
    middle.partitions.h + D.heading,
  );
}

// ---------------------------------------------------------------------------------------------
// Choosing the arrangement for a viewport
// ---------------------------------------------------------------------------------------------

export interface Viewport {
  /** CSS px available to the scene. */
  w: number;
  h: number;
  /** The smallest scale allowed (so the smallest text stays readable) and the largest wanted. */
  minScale: number;
  maxScale: number;
}

export interface Fit {
  layout: SceneLayout;
  /** The scale that shows it best: as big as fits, never below minScale. */
  scale: number;
}

/** The scale at which a layout fills the viewport, within the bounds. */
export function scaleFor(layout: SceneLayout, v: Viewport): number {
  const fit = Math.min(v.w / layout.width, v.h / layout.height);
  return Math.max(v.minScale, Math.min(v.maxScale, fit));
}

/**
 * Lay the scene out for a viewport. Each arrangement is tried for a few target scales, from the
 * smallest allowed up (laid out for the width the viewport has at that scale); the layout that
 * can be drawn biggest wins, and among equals the one that needs the least scrolling. One wider
 * than the viewport at the smallest scale only wins when nothing fits.
 */
export function chooseLayout(input: LayoutInput, v: Viewport): Fit {
  const widest = v.w / v.minScale;
  let best: Candidate | null = null;
  for (const target of TARGETS) {
    const k = v.minScale * target;
    if (k > v.maxScale && target > 1) break;
    for (const arrangement of ARRANGEMENTS) {
      for (const spread of [false, true]) {
        const layout = computeLayout(input, { width: v.w / k, arrangement, spread });
        const scale = scaleFor(layout, v);
        const overflow = Math.max(0, layout.width - widest);
        const candidate = { layout, scale, overflow, worth: worth({ layout, scale }, v) };
        if (!best || better(candidate, best)) best = candidate;
      }
    }
  }
  return { layout: best!.layout, scale: best!.scale };
}

/** Target scales tried, as multiples of the smallest allowed. */
const TARGETS = [1, 1.2, 1.45];

/**
 * How much an arrangement is worth beside its scale: producers, brokers and groups from left to
 * right read as the data flows, so the others must draw noticeably bigger to win; partition logs
 * in columns likewise.
 */
const PREFERENCE: Record<Arrangement, number> = { wide: 1, side: 0.88, stacked: 0.8 };
const SPREAD_PREFERENCE = 0.92;

/** Bigger is better, as are the natural arrangements and seeing it all without scrolling. */
export function worth(f: Fit, v: Viewport): number {
  const seen =
    Math.min(1, v.h / (f.layout.height * f.scale)) * Math.min(1, v.w / (f.layout.width * f.scale));
  return (
    f.scale *
    PREFERENCE[f.layout.arrangement] *
    (f.layout.spread ? SPREAD_PREFERENCE : 1) *
    Math.sqrt(seen)
  );
}

type Candidate = Fit & { overflow: number; worth: number };

function better(a: Candidate, b: Candidate): boolean {
  if (a.overflow !== b.overflow) return a.overflow < b.overflow;
  if (Math.abs(a.worth - b.worth) > 0.005) return a.worth > b.worth;
  return a.layout.height * a.scale < b.layout.height * b.scale - 1;
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------------

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
