// The znode tree from the view's flat, path-ordered list: each znode under its parent, so the
// inspector can draw it as zkCli's `ls -R` would. A parent the list leaves out (the view carries
// a bounded number of znodes) still appears, without data, so no child is lost from the tree.
import type { ZnodeView } from '../engine';

export interface ZnodeTreeNode {
  path: string;
  /** The last part of the path ("2" for /brokers/ids/2). */
  name: string;
  /** null: a parent the view did not carry. */
  znode: ZnodeView | null;
  children: ZnodeTreeNode[];
}

export function buildZnodeTree(znodes: readonly ZnodeView[]): ZnodeTreeNode[] {
  const byPath = new Map<string, ZnodeTreeNode>();
  const roots: ZnodeTreeNode[] = [];
  const nodeAt = (path: string): ZnodeTreeNode => {
    const known = byPath.get(path);
    if (known) return known;
    const slash = path.lastIndexOf('/');
    const node: ZnodeTreeNode = { path, name: path.slice(slash + 1), znode: null, children: [] };
    byPath.set(path, node);
    if (slash <= 0) roots.push(node);
    else nodeAt(path.slice(0, slash)).children.push(node);
    return node;
  };
  for (const znode of znodes) {
    if (!znode.path.startsWith('/') || znode.path === '/') continue;
    nodeAt(znode.path).znode = znode;
  }
  sortTree(roots);
  return roots;
}

/** Children in name order, numbers by value (broker 10 after broker 9, as a reader expects). */
function sortTree(nodes: ZnodeTreeNode[]): void {
  nodes.sort((a, b) => compareNames(a.name, b.name));
  for (const node of nodes) sortTree(node.children);
}

function compareNames(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface VisibleZnode {
  node: ZnodeTreeNode;
  /** 1 for a top-level znode (aria-level). */
  level: number;
  /** The path of its parent, or null at the top. */
  parent: string | null;
}

/** The znodes a reader sees, top to bottom, given which are expanded: the tree's key order. */
export function visibleZnodes(
  roots: readonly ZnodeTreeNode[],
  expanded: ReadonlySet<string>,
): VisibleZnode[] {
  const out: VisibleZnode[] = [];
  const walk = (nodes: readonly ZnodeTreeNode[], level: number, parent: string | null) => {
    for (const node of nodes) {
      out.push({ node, level, parent });
      if (expanded.has(node.path)) walk(node.children, level + 1, node.path);
    }
  };
  walk(roots, 1, null);
  return out;
}
