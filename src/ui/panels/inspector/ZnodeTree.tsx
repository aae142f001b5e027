// The znodes Kafka keeps in ZooKeeper, as a tree a learner can open like zkCli's `ls`: each item
// named by its path (/brokers/ids/2), opening to show its data, its version and, for an
// ephemeral znode, whose session keeps it alive. An ARIA tree: one tab stop, arrows to move,
// Right and Left to open and close, Home and End (the WAI-ARIA tree view pattern).
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ZnodeView } from '../../../engine';
import { buildZnodeTree, visibleZnodes, type ZnodeTreeNode } from '../../../app/znodeTree';
import { useT } from '../../hooks';

export function ZnodeTree({ znodes, label }: { znodes: ZnodeView[]; label: string }) {
  const roots = useMemo(() => buildZnodeTree(znodes), [znodes]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [focused, setFocused] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const visible = visibleZnodes(roots, expanded);
  // The tab stop: the item last moved to, or the first one (if that one has gone, the first).
  const current = visible.some((v) => v.node.path === focused) ? focused : visible[0]?.node.path;

  const toggle = (path: string, open?: boolean) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (open ?? !next.has(path)) next.add(path);
      else next.delete(path);
      return next;
    });
  const register = (path: string, el: HTMLLIElement | null) => {
    if (el) items.current.set(path, el);
    else items.current.delete(path);
  };
  const moveTo = (path: string | null | undefined) => {
    if (!path) return;
    setFocused(path);
    items.current.get(path)?.focus();
  };

  const onKey = (event: KeyboardEvent<HTMLElement>, path: string) => {
    const i = visible.findIndex((v) => v.node.path === path);
    const here = visible[i];
    if (!here) return;
    const open = expanded.has(here.node.path);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(visible[i + 1]?.node.path),
      ArrowUp: () => moveTo(visible[i - 1]?.node.path),
      Home: () => moveTo(visible[0]?.node.path),
      End: () => moveTo(visible.at(-1)?.node.path),
      ArrowRight: () => (open ? moveTo(here.node.children[0]?.path) : toggle(here.node.path, true)),
      ArrowLeft: () => (open ? toggle(here.node.path, false) : moveTo(here.parent)),
      Enter: () => toggle(here.node.path),
      ' ': () => toggle(here.node.path),
    };
    const action = keys[event.key];
    if (!action) return;
    // Handled here: not a page shortcut (Space would play), nor the parent item's key.
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  return (
    <ul role="tree" aria-label={label} className="znode-tree">
      {roots.map((node, i) => (
        <ZnodeItem
          key={node.path}
          node={node}
          level={1}
          position={i + 1}
          siblings={roots.length}
          expanded={expanded}
          current={current}
          register={register}
          onChoose={(path) => {
            setFocused(path);
            toggle(path);
          }}
          onKey={onKey}
          onFocusItem={setFocused}
        />
      ))}
    </ul>
  );
}

function ZnodeItem({
  node,
  level,
  position,
  siblings,
  expanded,
  current,
  register,
  onChoose,
  onKey,
  onFocusItem,
}: {
  node: ZnodeTreeNode;
  level: number;
  position: number;
  siblings: number;
  expanded: ReadonlySet<string>;
  current: string | null | undefined;
  register: (path: string, el: HTMLLIElement | null) => void;
  onChoose: (path: string) => void;
  onKey: (event: KeyboardEvent<HTMLElement>, path: string) => void;
  onFocusItem: (path: string) => void;
}) {
  const open = expanded.has(node.path);
  return (
    <li
      role="treeitem"
      aria-label={node.path}
      aria-level={level}
      aria-setsize={siblings}
      aria-posinset={position}
      aria-expanded={open}
      // Selection follows focus: the item moved to is the one chosen.
      aria-selected={node.path === current}
      tabIndex={node.path === current ? 0 : -1}
      className="znode"
      ref={(el) => register(node.path, el)}
      onClick={(event) => {
        // A click inside an open child belongs to that child, and one on the facts selects text.
        event.stopPropagation();
        if (!(event.target as Element).closest('.znode-facts')) onChoose(node.path);
      }}
      onKeyDown={(event) => onKey(event, node.path)}
      // Focus moved here some other way (a click, a screen reader): this is the tab stop now.
      onFocus={(event) => {
        event.stopPropagation();
        onFocusItem(node.path);
      }}
    >
      <span className="znode-name">
        <span className="znode-twisty" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {level === 1 ? node.path : node.name}
      </span>
      {open && node.znode && <ZnodeFacts znode={node.znode} />}
      {open && node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child, i) => (
            <ZnodeItem
              key={child.path}
              node={child}
              level={level + 1}
              position={i + 1}
              siblings={node.children.length}
              expanded={expanded}
              current={current}
              register={register}
              onChoose={onChoose}
              onKey={onKey}
              onFocusItem={onFocusItem}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** What zkCli's `get -s` would tell: the data, its version, and who keeps an ephemeral alive. */
function ZnodeFacts({ znode }: { znode: ZnodeView }) {
  const t = useT();
  const kind =
    znode.ephemeralOwner === null
      ? t('zookeeper.persistent')
      : t('zookeeper.ephemeral', { broker: znode.ephemeralOwner });
  return (
    <div className="znode-facts">
      {znode.data === '' ? (
        <span className="muted">{t('zookeeper.emptyData')}</span>
      ) : (
        <code className="znode-data">{znode.data}</code>
      )}
      <span className="znode-stat">
        {t('zookeeper.version', { version: znode.version })} · {kind}
      </span>
    </div>
  );
}
