/**
 * The demo world, built through the running suite's own HTTP API (tools/seed/main.ts runs it; `npm start` offers it
 * on a first start). Every step looks its object up by a natural key before creating it, so a second run changes nothing.
 */
import { seedAlertRules } from './alerting';
import { seedReport } from './analytics';
import { seedCatalog, type Catalog } from './catalog';
import { seedFactories, type Factories } from './fulfillment';
import { api as apiAt } from './http';
import { seedPeople, signInAdmin, type People } from './identity';
import { seedChambers, type Devices } from './iot';
import { seedMarketplaceOrders, type SeededOrder } from './orders';
import { seedShopOrder } from './shop';
import { adminOf, PEOPLE } from './world';

export interface DemoWorld {
  people: People;
  teamId: string;
  catalog: Catalog;
  factories: Factories;
  orders: SeededOrder[];
  devices: Devices;
  alertRules: string[];
  reportId: string;
}

export async function seedDemo(
  gatewayUrl: string,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): Promise<DemoWorld> {
  const api = apiAt(gatewayUrl);
  const admin = await signInAdmin(api, adminOf(env));
  const { people, teamId } = await seedPeople(api, admin);
  log(`people and the ${PEOPLE.seller.email} team`);
  const catalog = await seedCatalog(api, people, teamId);
  log(
    `${Object.keys(catalog.stores).length} stores, ${Object.keys(catalog.products).length} products, ${Object.keys(catalog.variants).length} variants`,
  );
  const factories = await seedFactories(api, people, catalog);
  log(`${Object.keys(factories).length} factories`);
  const orders = [await seedShopOrder(api, people, catalog), ...(await seedMarketplaceOrders(api, people, catalog, factories))];
  log(`${orders.length} orders: ${orders.map((o) => o.stage.toLowerCase()).join(', ')}`);
  const devices = await seedChambers(api, people);
  const alertRules = await seedAlertRules(api, people, devices);
  const reportId = await seedReport(api, people);
  log(`${Object.keys(devices).length} chambers, ${alertRules.length} alert rules, 1 scheduled report`);
  return { people, teamId, catalog, factories, orders, devices, alertRules, reportId };
}
