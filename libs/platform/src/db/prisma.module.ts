import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';

/** Injection token of the service's own Prisma client: `@InjectDb() db: IdentityDb`. */
export const DB = Symbol('DB');
export const InjectDb = () => Inject(DB);

/** What every generated client has and the platform relies on. */
export interface PrismaLike {
  $connect(): Promise<void>;
  $disconnect(): Promise<void>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $transaction<R>(fn: (tx: any) => Promise<R>, options?: { timeout?: number; maxWait?: number; isolationLevel?: string }): Promise<R>;
}

export type PrismaClientClass = new (options: { adapter: PrismaPg }) => PrismaLike;

@Injectable()
class DbShutdown implements OnApplicationShutdown {
  constructor(@Inject(DB) private readonly db: PrismaLike) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.$disconnect();
  }
}

/** Opens the service's generated Prisma client on the pg driver adapter (Prisma 7). */
export function createPrismaClient<T extends PrismaLike>(Client: PrismaClientClass, url: string, poolSize = 10): T {
  // The generator's type says string; undefined is what the adapter passes when there is none (unnamed).
  const statementNameGenerator = preparedStatementNames() as (query: { sql: string }) => string;
  return new Client({ adapter: new PrismaPg({ connectionString: url, max: poolSize }, { statementNameGenerator }) }) as T;
}

/**
 * Names each distinct SQL text once, so pg prepares it once per connection and PostgreSQL skips parsing
 * and planning it again: unnamed statements cost the database about three times the CPU of the query
 * itself on the request path (measured in `npm run bench`, platform section). The names are capped:
 * SQL built at run time (raw queries with varying text) past the cap runs unnamed instead of filling
 * every connection with statements. Not for a transaction-pooling PgBouncer, which cannot keep them.
 */
export function preparedStatementNames(max = 2000): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) names.set(sql, (name = `s${names.size}`));
    return name;
  };
}

@Global()
@Module({})
export class PrismaModule {
  static forClient(Client: PrismaClientClass, url: string): DynamicModule {
    return {
      module: PrismaModule,
      providers: [{ provide: DB, useFactory: () => createPrismaClient(Client, url) }, DbShutdown],
      exports: [DB],
    };
  }
}
