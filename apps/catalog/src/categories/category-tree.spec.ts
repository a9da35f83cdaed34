import { CategoryView } from '@suite/contracts/catalog';
import { buildTree, publiclyVisible } from './category-tree';

const cat = (id: string, parentId: string | null, sortOrder = 0, isActive = true): CategoryView => ({
  id,
  name: id,
  slug: id,
  description: null,
  parentId,
  imageUrl: null,
  isActive,
  sortOrder,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('category tree', () => {
  it('nests children under their parents in sortOrder', () => {
    const tree = buildTree([
      cat('shirts', 'apparel', 2),
      cat('apparel', null),
      cat('caps', 'apparel', 1),
      cat('v-neck', 'shirts'),
      cat('mugs', null, -1),
    ]);
    expect(tree.map((n) => n.id)).toEqual(['mugs', 'apparel']);
    expect(tree[1].children.map((n) => n.id)).toEqual(['caps', 'shirts']);
    expect(tree[1].children[1].children.map((n) => n.id)).toEqual(['v-neck']);
  });

  it('hides inactive categories and everything below them from the public', () => {
    const all = [cat('apparel', null), cat('hidden', 'apparel', 0, false), cat('under-hidden', 'hidden'), cat('caps', 'apparel')];
    expect(publiclyVisible(all).map((c) => c.id)).toEqual(['apparel', 'caps']);
  });
});
