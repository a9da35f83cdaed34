/**
 * `npm start`: the whole suite on one machine. Finds or starts PostgreSQL/NATS/MQTT, applies the
 * migrations, runs the nine services from dist/ and waits for the gateway to see them all.
 * Imports the infra helpers by path, not through @suite/platform, so starting does not load NestJS.
 */
import { databaseUrlFor, SERVICE_CATALOG, SERVICE_NAMES } from '@suite/platform/config';
import { ensureInfrastructure, findRepoRoot, type Infrastructure } from '@suite/platform/infra';
import { startTestSmtpServer, type TestSmtpServer } from '@suite/platform/testing';
import { seedDemo } from '../seed/demo';
import { DEMO_ADMIN } from '../seed/demo/world';
import { welcome } from '../seed/welcome';
import { askOnTerminal, identityHasNoUsers, shouldSeedDemo } from './demo-offer';
import { colorFor, killAll, type ManagedProcess, missingFiles, spawnPrefixed, stopAll } from './processes';
import { GatewayUnhealthyError, waitForGatewayHealthy } from './wait-healthy';

const HEALTH_TIMEOUT_MS = 90000;
const MIGRATE = 'dist/prisma/migrate.js';
const entryOf = (service: string) => `dist/apps/${service}/src/main.js`;
const say = (line: string) => console.log(`[stack] ${line}`);

const root = findRepoRoot(__dirname);
const children: ManagedProcess[] = [];
// Kept as a promise so a signal during start-up still stops what is being started (embedded PostgreSQL).
let infra: Promise<Infrastructure> | undefined;
let stopping = false;
let mailCatcher: TestSmtpServer | undefined;

async function shutdown(code: number, why?: string): Promise<never> {
  if (why) console.error(`[stack] ${why}`);
  stopping = true;
  await stopAll(children);
  await mailCatcher?.stop();
  await (await infra?.catch(() => undefined))?.stop();
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) {
    // A second Ctrl-C means "now": nothing waits for graceful shutdowns any more.
    killAll(children);
    process.exit(1);
  }
  say(`${signal}: stopping ${children.filter((c) => c.child.exitCode === null && c.child.signalCode === null).length} processes...`);
  void shutdown(0);
}

function childEnv(resolved: Infrastructure): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: resolved.databaseUrl, NATS_URL: resolved.natsUrl };
  if (resolved.mqttUrl) env.MQTT_URL = resolved.mqttUrl;
  else delete env.MQTT_URL;
  // Services bind 0.0.0.0 by default (right in a container); a developer's stack stays on loopback.
  env.HOST ??= '127.0.0.1';
  // The services write to our pipe, not to the terminal, so they cannot see it is one: tell them.
  if (env.LOG_PRETTY === undefined && process.stdout.isTTY) {
    env.LOG_PRETTY = 'true';
    env.FORCE_COLOR ??= '1';
  }
  return env;
}

async function main(): Promise<void> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const started = Date.now();
  infra = ensureInfrastructure(process.env, { allowEmbedded: true, log: (l) => say(l) });
  const resolved = await infra;
  if (stopping) return;
  say(`infrastructure ready in ${Date.now() - started} ms`);

  const missing = missingFiles(root, [MIGRATE, ...SERVICE_NAMES.map(entryOf)]);
  if (missing.length) {
    await shutdown(1, `Not built: ${missing.join(', ')}.\n[stack] Run \`npm run build\` first (\`npm start\` does).`);
  }

  const env = childEnv(resolved);
  if (!env.SMTP_URL) env.SMTP_URL = await catchMail();
  const width = Math.max('migrate'.length, ...SERVICE_NAMES.map((s) => s.length));
  const migrate = spawnPrefixed(
    'migrate',
    process.execPath,
    ['--experimental-wasm-modules', '--disable-warning=ExperimentalWarning', MIGRATE],
    { cwd: root, env, width },
  );
  children.push(migrate);
  const migrated = await migrate.exited;
  children.splice(children.indexOf(migrate), 1);
  if (stopping) return;
  if (migrated !== 0) await shutdown(1, `Migrations failed (exit code ${migrated}); no service was started.`);

  // Asked before the services start: the demo is seeded as the first admin, whom identity creates at start-up.
  const demo = await shouldSeedDemo({
    seedDemo: env.SEED_DEMO,
    isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    firstStart: () => identityHasNoUsers(databaseUrlFor('identity', env)),
    ask: askOnTerminal,
  });
  if (stopping) return;
  if (demo && !env.SEED_ADMIN_EMAIL && !env.SEED_ADMIN_PASSWORD) {
    env.SEED_ADMIN_EMAIL = DEMO_ADMIN.email;
    env.SEED_ADMIN_PASSWORD = DEMO_ADMIN.password;
  }

  const gatewayPort = Number(process.env.PORT) || SERVICE_CATALOG['api-gateway'].httpPort;
  SERVICE_NAMES.forEach((service, i) => {
    // Each gets its own port explicitly, so a PORT in the caller's shell cannot collide them all.
    const port = service === 'api-gateway' ? gatewayPort : SERVICE_CATALOG[service].httpPort;
    const serviceEnv = { ...env, SERVICE_NAME: service, PORT: String(port) };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      // The rest stay up: it is the user's stack, and /health shows this one down.
      if (!stopping) console.error(`[stack] ${service} exited (${signal ?? `code ${code}`}); the others keep running.`);
    };
    const opts = { cwd: root, env: serviceEnv, width, color: colorFor(i), onExit };
    children.push(spawnPrefixed(service, process.execPath, [entryOf(service)], opts));
  });

  const base = `http://127.0.0.1:${gatewayPort}`;
  let healthy = false;
  try {
    await waitForGatewayHealthy(base, SERVICE_NAMES, HEALTH_TIMEOUT_MS);
    healthy = true;
    say(`all ${SERVICE_NAMES.length} services up after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    if (stopping) return;
    const down = err instanceof GatewayUnhealthyError ? err.down.join(', ') : String(err);
    say(`not healthy after ${HEALTH_TIMEOUT_MS / 1000} s, down: ${down}. Still running; see their logs above.`);
  }
  if (demo && healthy) await loadDemo(base, env);
  else if (demo) say('demo world not loaded: not every service is up (npm run seed loads it later).');
  say(`gateway  ${base}`);
  say(`docs     ${base}/docs`);
  say(`health   ${base}/health`);
  say('Ctrl-C stops everything.');
}

/** The demo world, through the gateway like `npm run seed`; a failure leaves the suite running. */
async function loadDemo(base: string, env: NodeJS.ProcessEnv): Promise<void> {
  say('loading the demo world...');
  try {
    await seedDemo(base, env, (line) => say(`demo: ${line}`));
    console.log(`\n${welcome(base, env)}\n`);
  } catch (err) {
    if (!stopping) say(`demo world not loaded: ${err instanceof Error ? err.message : String(err)} (npm run seed retries).`);
  }
}

/**
 * With no SMTP_URL, mail (verification codes, password resets) goes to a catcher in this process
 * and is printed here, so a developer can sign up without a mail server.
 */
async function catchMail(): Promise<string> {
  mailCatcher = await startTestSmtpServer({
    onMessage: (mail) =>
      console.log(
        [`mail          | to ${mail.to}: ${mail.subject}`, ...mail.text.split('\n').map((l) => `mail          |   ${l}`)].join('\n'),
      ),
  });
  say(`mail     no SMTP_URL: messages are printed here (${mailCatcher.url})`);
  return mailCatcher.url;
}

main().catch((err) => shutdown(1, `failed: ${err instanceof Error ? err.message : String(err)}`));
