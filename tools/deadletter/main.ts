/**
 * `npm run deadletter -- list [--service s] [--handler h]`: the events no handler could process, from the
 * DEADLETTER stream. `npm run deadletter -- replay --service s [--handler h]`: asks the running service to
 * run them through their handlers again (each one handled is removed). NATS_URL from the environment.
 */
import { parseArgs } from 'node:util';
import { connect } from '@nats-io/transport-node';
import { formatDeadLetters, listDeadLetters, requestReplay } from '@suite/platform';

const USAGE =
  'usage: npm run deadletter -- list [--service SERVICE] [--handler HANDLER]\n       npm run deadletter -- replay --service SERVICE [--handler HANDLER]';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { service: { type: 'string' }, handler: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || (command !== 'list' && command !== 'replay')) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  if (values.handler && !values.service) throw new Error(`--handler needs --service\n${USAGE}`);
  if (command === 'replay' && !values.service) throw new Error(`replay needs --service\n${USAGE}`);
  const nc = await connect({ servers: (process.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(','), name: 'deadletter-cli' });
  try {
    if (command === 'list') {
      const letters = await listDeadLetters(nc, { service: values.service, handler: values.handler });
      console.log(letters.length === 0 ? 'no dead letters' : formatDeadLetters(letters));
    } else {
      const result = await requestReplay(nc, values.service!, values.handler).catch((error: Error) => {
        // No responders: nothing of that service is running to replay through.
        throw /no responders|503/i.test(error.message)
          ? new Error(`no ${values.service} service is running (start it, then replay)`)
          : error;
      });
      console.log(`replayed ${result.replayed}, failed ${result.failed.length}`);
      for (const f of result.failed) console.log(`  seq ${f.sequence}: ${f.error}`);
      if (result.failed.length > 0) process.exitCode = 1;
    }
  } finally {
    await nc.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
