/** Catalog: the team's TikTok Shop and Shopify stores, their products and variants, and approved designs. */
import { Api, itemsOf } from './http';
import type { People } from './identity';
import { PRODUCTS, STORES } from './world';

export interface Catalog {
  stores: Record<keyof typeof STORES, string>;
  /** Product name -> id, and "<product> <size>/<color>" -> the variant's 5-character code. */
  products: Record<string, string>;
  variants: Record<string, string>;
}

export const variantKey = (product: string, size: string, color: string) => `${product} ${size}/${color}`;

export async function seedCatalog(api: Api, people: People, teamId: string): Promise<Catalog> {
  const seller = people.seller.token;
  const existingStores = await api.list('/stores', seller);
  const stores = {} as Catalog['stores'];
  for (const [key, store] of Object.entries(STORES)) {
    const found = existingStores.find((s) => s.name === store.name && s.teamId === teamId);
    stores[key as keyof typeof STORES] = (found ?? (await api.call('POST', '/stores', { token: seller, body: { teamId, ...store } }))).id;
  }

  const designs = await api.list('/designs', seller);
  const catalog: Catalog = { stores, products: {}, variants: {} };
  for (const spec of PRODUCTS) {
    const storeId = stores[spec.store];
    const listed = await api.list(`/products?storeId=${storeId}`, seller);
    const product =
      listed.find((p) => p.name === spec.name) ??
      (await api.call('POST', '/products', {
        token: seller,
        body: { storeId, name: spec.name, price: spec.price, status: 'ACTIVE', stock: 500 },
      }));
    catalog.products[spec.name] = product.id;

    const variants = itemsOf(await api.call('GET', `/products/${product.id}/variants`, { token: seller }));
    for (const { size, color } of spec.variants) {
      const variant =
        variants.find((v) => v.size === size && v.color === color) ??
        (await api.call('POST', `/products/${product.id}/variants`, {
          token: seller,
          body: { size, color, price: spec.price, stock: 200 },
        }));
      catalog.variants[variantKey(spec.name, size, color)] = variant.code;
    }

    const design = await approvedDesign(api, people, teamId, designs, spec.design);
    const linked = itemsOf(await api.call('GET', `/products/${product.id}/designs`, { token: seller }));
    if (!linked.some((l) => l.designId === design)) {
      await api.call('POST', `/products/${product.id}/designs`, { token: seller, body: { designId: design, isDefault: true } });
    }
  }
  return catalog;
}

/** The seller uploads and submits it, the admin approves it (the review workflow, not a shortcut). */
async function approvedDesign(api: Api, people: People, teamId: string, designs: any[], name: string): Promise<string> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let design =
    designs.find((d) => d.name === name && d.teamId === teamId) ??
    (await api.call('POST', '/designs', {
      token: people.seller.token,
      body: { teamId, name, artworkUrl: `https://files.example.com/demo/${slug}.png`, tags: ['demo'] },
    }));
  if (design.status === 'DRAFT') design = await api.call('POST', `/designs/${design.id}/submit`, { token: people.seller.token });
  if (design.status === 'REVIEW') await api.call('POST', `/designs/${design.id}/approve`, { token: people.admin.token });
  return design.id;
}
