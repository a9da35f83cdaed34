/**
 * `node dist/prisma/generate.js [service...]`: generates the Prisma client of every database
 * service (or those named) into libs/db/<service>/src/generated (git-ignored).
 * Runs the stock CLI, a few at a time: one `prisma generate` is ~1.3 s, mostly CLI start-up, so a
 * client whose schema (and Prisma version) has not changed since it was generated is skipped;
 * `--force` regenerates anyway.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@suite/platform/config';
import { describeError, parseServices, readSchema, REPO_ROOT, runCli, schemaFolderFor } from './engine';

function generateOne(service: ServiceName): Promise<void> {
  const cli = join(REPO_ROOT, 'node_modules/prisma/build/index.js');
  const env = {
    ...process.env,
    // generate never runs the schema engine, but the CLI insists on finding (or else downloading,
    // impossible offline) its binary: any existing file satisfies the check.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'generate', '--schema', schemaFolderFor(service)], { cwd: REPO_ROOT, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${service}: prisma generate exited ${code}\n${output.trim()}`)),
    );
  });
}

/** Marker inside the generated folder: deleting the folder also forgets the hash. */
const markerFor = (s: ServiceName) => join(REPO_ROOT, 'libs/db', s, 'src/generated/.schema-hash');

function schemaHash(service: ServiceName): string {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/prisma/package.json'), 'utf8'));
  return createHash('sha256').update(version).update(readSchema(service)).digest('hex');
}

const isUpToDate = (s: ServiceName, hash: string) => existsSync(markerFor(s)) && readFileSync(markerFor(s), 'utf8') === hash;

export async function generateAll(services: ServiceName[], force = false): Promise<void> {
  const queue = [...services];
  const failures: string[] = [];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const started = Date.now();
      try {
        const hash = schemaHash(s);
        if (!force && isUpToDate(s, hash)) {
          console.log(`${s}: client up to date`);
          continue;
        }
        await generateOne(s);
        writeFileSync(markerFor(s), hash);
        console.log(`${s}: generated client in ${Date.now() - started} ms`);
      } catch (err) {
        failures.push(describeError(err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  if (failures.length) throw new Error(failures.join('\n'));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  runCli('generate failed:\n', () => generateAll(parseServices(args.filter((a) => a !== '--force')), args.includes('--force')));
}
