import { readFileSync } from 'node:fs';
import { DATABASE_SERVICES } from '@suite/platform/config';
import { PLATFORM_TABLES_PATH, readSchema, schemaPathFor } from './engine';

/** The outbox and inbox tables have one source: no service declares its own copy, every service gets them. */
describe('platform tables', () => {
  const shared = readFileSync(PLATFORM_TABLES_PATH, 'utf8');

  it('declares the outbox and the inbox once, in prisma/platform-tables.prisma', () => {
    expect(shared).toMatch(/model OutboxEvent \{[^}]*@@map\("outbox_event"\)/);
    expect(shared).toMatch(/model ProcessedEvent \{[^}]*@@map\("processed_event"\)/);
  });

  it.each(DATABASE_SERVICES)('%s: its schema has no copy of its own, its datamodel has both', (service) => {
    expect(readFileSync(schemaPathFor(service), 'utf8')).not.toMatch(/model (OutboxEvent|ProcessedEvent)\b/);
    const datamodel = readSchema(service);
    expect(datamodel.match(/model OutboxEvent \{/g)).toHaveLength(1);
    expect(datamodel.match(/model ProcessedEvent \{/g)).toHaveLength(1);
  });
});
