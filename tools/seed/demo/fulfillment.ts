/** Fulfillment: two printers with a location each, the supplier variants they make, and the fulfiller's factory. */
import { Api, itemsOf } from './http';
import type { People } from './identity';
import type { Catalog } from './catalog';
import { FACTORIES } from './world';

/** Factory code -> id. */
export type Factories = Record<string, string>;

export async function seedFactories(api: Api, people: People, catalog: Catalog): Promise<Factories> {
  const token = people.admin.token;
  const existing = await api.list('/factories', token);
  const factories: Factories = {};
  for (const spec of FACTORIES) {
    const factory =
      existing.find((f) => f.code === spec.code) ??
      (await api.call('POST', '/factories', {
        token,
        body: { name: spec.name, code: spec.code, supplierType: 'PRINTER', capacity: 500, printMethods: ['DTG'], capabilities: ['DTG'] },
      }));
    factories[spec.code] = factory.id;

    const locations = itemsOf(await api.call('GET', `/factories/${factory.id}/locations`, { token }));
    if (!locations.some((l) => l.name === 'Plant')) {
      await api.call('POST', `/factories/${factory.id}/locations`, {
        token,
        body: {
          name: 'Plant',
          locationType: 'PRODUCTION',
          address1: '1 Main St',
          city: spec.city,
          country: spec.country,
          shippingZones: spec.zones,
        },
      });
    }

    // Every demo variant, so routing has a real choice: the cheaper printer unless it cannot ship there.
    const mapped = new Set((await api.list(`/supplier-variants?factoryId=${factory.id}`, token)).map((v) => v.systemVariantCode));
    for (const code of Object.values(catalog.variants)) {
      if (mapped.has(code)) continue;
      await api.call('POST', '/supplier-variants', {
        token,
        body: {
          factoryId: factory.id,
          systemVariantCode: code,
          supplierProductCode: `${spec.code}-${code}`,
          supplierVariantCode: `${spec.code}-${code}-V`,
          supplierPrice: spec.price,
          leadTime: 3,
        },
      });
    }
  }

  // The fulfiller works at Portland Print: they see and move its work only.
  const portland = factories[FACTORIES[0].code];
  const users = itemsOf(await api.call('GET', `/factories/${portland}/users`, { token }));
  if (!users.some((u) => u.userId === people.fulfiller.id)) {
    await api.call('POST', `/factories/${portland}/users`, { token, body: { userId: people.fulfiller.id } });
  }
  return factories;
}
