import { CategoryNode, CategoryView } from '@suite/contracts/catalog';

/** Storefront order: sortOrder, then name, then id so equal rows keep one order. */
export const byDisplayOrder = (a: CategoryView, b: CategoryView): number =>
  a.sortOrder - b.sortOrder || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * What a storefront may show: active categories whose ancestors are all active too (an active
 * child under a hidden parent would be unreachable in the tree and leak through the flat list).
 */
export function publiclyVisible(all: CategoryView[]): CategoryView[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const visible = new Map<string, boolean>();
  const isVisible = (c: CategoryView): boolean => {
    const known = visible.get(c.id);
    if (known !== undefined) return known;
    visible.set(c.id, false); // guards against a cycle in corrupt data
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    const result = c.isActive && (!c.parentId || (parent !== undefined && isVisible(parent)));
    visible.set(c.id, result);
    return result;
  };
  return all.filter(isVisible);
}

/** Nests a flat list; categories whose parent is not in the list are dropped, children in display order. */
export function buildTree(categories: CategoryView[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(categories.map((c) => [c.id, { ...c, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const node of [...nodes.values()].sort(byDisplayOrder)) {
    if (!node.parentId) roots.push(node);
    else nodes.get(node.parentId)?.children.push(node);
  }
  return roots;
}
