import { ChildProcess, fork } from 'node:child_process';

/** A bench helper in its own Node process, driven over IPC: it sends `{ type: 'ready' }` once started. */
export interface BenchChild {
  child: ChildProcess;
  /** Sends a message and waits for the first reply of type `replyType`. */
  request<T>(message: object, replyType: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Forks `script` (a compiled file in dist/) and waits for its 'ready'; its output goes to this process's stderr.
 * BENCH_CPU_PROF_DIR=<dir> writes a V8 CPU profile of each child there when it exits (to see where the time goes).
 */
export async function forkChild(script: string, args: string[], env: NodeJS.ProcessEnv, readyTimeoutMs = 60000): Promise<BenchChild> {
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = fork(script, args, { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waitFor = <T>(type: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${script}: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (m: { type?: string; error?: string }) => {
        if (m?.type === 'error') done(new Error(`${script}: ${m.error}`));
        else if (m?.type === type) done(undefined, m as T);
      };
      const onExit = (code: number | null) => done(new Error(`${script} exited (${code}) before '${type}'`));
      const done = (error?: Error, value?: T) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(value as T);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.send({ type: 'stop' });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  try {
    await waitFor('ready', readyTimeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    child,
    request: <T>(message: object, replyType: string, timeoutMs = 120000) => {
      const reply = waitFor<T>(replyType, timeoutMs);
      child.send(message);
      return reply;
    },
    stop,
  };
}

/** CPU time this process has used, ms (user + system): what a consumer costs per event whatever else the machine runs. */
export interface CpuReply {
  type: 'cpu';
  ms: number;
}

/** The child's side: answers 'cpu' with its CPU time and 'stop' by running `shutdown` and exiting. */
export function serveParent(handlers: Record<string, (message: any) => Promise<object | void>>, shutdown: () => Promise<void>): void {
  handlers = {
    cpu: async () => {
      const { user, system } = process.cpuUsage();
      return { type: 'cpu', ms: (user + system) / 1000 } satisfies CpuReply;
    },
    ...handlers,
  };
  let closing: Promise<void> | undefined;
  // Asked to stop, or the parent went away (it crashed or was interrupted): close once, then exit.
  const close = () =>
    void (closing ??= shutdown()
      .catch(() => undefined)
      .finally(() => process.exit(0)));
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'stop') return close();
    const handler = message?.type ? handlers[message.type] : undefined;
    if (!handler) return;
    handler(message).then(
      (reply) => reply && process.send?.(reply),
      (error: Error) => process.send?.({ type: 'error', error: error.stack ?? error.message }),
    );
  });
  process.once('disconnect', close);
}
