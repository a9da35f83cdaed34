import type { ApiUsageRow, BlockedWindow } from '@suite/contracts/analytics';

export interface UsageBatch {
  usage: ApiUsageRow[];
  blocked: BlockedWindow[];
}

export interface UsageBufferOptions {
  batchSize: number;
  flushMs: number;
  maxRows: number;
  /** Sends one batch; resolves once it is stored, rejects if it may not have been. */
  send: (batch: UsageBatch) => Promise<void>;
  /** Rows refused because the buffer was full. */
  onDrop: (rows: number) => void;
  onSendError?: (error: unknown) => void;
  /** Batches in flight at once. */
  concurrency?: number;
}

/**
 * Usage rows and refused rate-limit windows wait here, off the request path, and leave in batches:
 * at once when a batch is full, otherwise every flushMs. A batch whose send fails goes back to the
 * front and is sent again on the next tick (rows carry their id, so a batch stored whose answer was
 * lost is not stored twice). Beyond maxRows new rows are dropped and counted, never silently.
 */
export class UsageBuffer {
  private rows: ApiUsageRow[] = [];
  private readonly windows = new Map<string, BlockedWindow>();
  private inFlight = 0;
  private failing = false;
  private timer?: NodeJS.Timeout;
  private readonly concurrency: number;

  constructor(private readonly options: UsageBufferOptions) {
    this.concurrency = options.concurrency ?? 2;
  }

  start(): void {
    this.timer ??= setInterval(() => this.flush(), this.options.flushMs);
    this.timer.unref();
  }

  add(row: ApiUsageRow): void {
    if (this.rows.length >= this.options.maxRows) {
      this.options.onDrop(1);
      return;
    }
    this.rows.push(row);
    if (this.rows.length >= this.options.batchSize && !this.failing) this.flush();
  }

  /** Refused requests of one window add up here; the stored row's count grows by the sum. */
  addBlocked(window: Omit<BlockedWindow, 'count'>, count = 1): void {
    const key = `${window.identifier}\u0000${window.endpoint}\u0000${window.windowStart}`;
    const known = this.windows.get(key);
    if (known) known.count += count;
    else this.windows.set(key, { ...window, count });
  }

  get pending(): number {
    return this.rows.length;
  }

  get pendingWindows(): number {
    return this.windows.size;
  }

  /** Sends batches while there is something to send and room in flight. */
  flush(): void {
    while (this.inFlight < this.concurrency && (this.rows.length > 0 || this.windows.size > 0)) {
      const usage = this.rows.length <= this.options.batchSize ? this.rows : this.rows.slice(0, this.options.batchSize);
      this.rows = usage === this.rows ? [] : this.rows.slice(usage.length);
      const blocked = [...this.windows.values()];
      this.windows.clear();
      this.inFlight++;
      void this.options.send({ usage, blocked }).then(
        () => {
          this.inFlight--;
          this.failing = false;
          if (this.rows.length >= this.options.batchSize) this.flush();
        },
        (error: unknown) => {
          this.inFlight--;
          this.failing = true;
          this.requeue(usage, blocked);
          this.options.onSendError?.(error);
        },
      );
      if (this.failing) return; // one probe at a time while analytics does not answer
    }
  }

  /** Sends everything left, for shutdown; gives up (counting what is left as dropped) after timeoutMs. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.rows.length > 0 || this.windows.size > 0 || this.inFlight > 0) && Date.now() < deadline) {
      this.flush();
      await new Promise((r) => setTimeout(r, 20));
    }
    if (this.rows.length > 0) this.options.onDrop(this.rows.length);
    this.rows = [];
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private requeue(usage: ApiUsageRow[], blocked: BlockedWindow[]): void {
    const room = this.options.maxRows - this.rows.length;
    if (room < usage.length) this.options.onDrop(usage.length - Math.max(room, 0));
    this.rows = room > 0 ? usage.slice(0, room).concat(this.rows) : this.rows;
    for (const w of blocked) this.addBlocked(w, w.count);
  }
}
