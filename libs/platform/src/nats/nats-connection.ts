import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { natsErrors } from '../metrics/metrics';

/**
 * The process's own NATS connection (v3 client) for outgoing requests and JetStream. Nest's
 * transport keeps its own connection for the handlers it serves. Reconnects forever: a broker
 * restart must not take the service down, only make it unready until the link is back.
 */
@Injectable()
export class NatsConnectionService implements OnApplicationShutdown {
  private readonly logger = new Logger('Nats');
  private connection?: NatsConnection;
  private connecting?: Promise<NatsConnection>;
  private connected = false;

  constructor(
    private readonly servers: string,
    private readonly name: string,
  ) {}

  get(): Promise<NatsConnection> {
    if (this.connection && !this.connection.isClosed()) return Promise.resolve(this.connection);
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** False while disconnected, so readiness turns red during a broker outage. */
  isConnected(): boolean {
    return this.connected && !!this.connection && !this.connection.isClosed();
  }

  private async open(): Promise<NatsConnection> {
    // noAsyncTraces: nats.js otherwise builds an Error per request to keep its call site for a later
    // timeout (~4% of the gateway's CPU); NatsClient names the subject and service in its own errors.
    const nc = await connect({
      servers: this.servers.split(','),
      name: this.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      noAsyncTraces: true,
    });
    this.connection = nc;
    this.connected = true;
    void this.watch(nc);
    return nc;
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        natsErrors.inc({ type: 'disconnect' });
        this.logger.warn('NATS connection lost; reconnecting');
      } else if (status.type === 'reconnect') {
        this.connected = true;
        this.logger.log('NATS connection restored');
      } else if (status.type === 'error') {
        natsErrors.inc({ type: 'error' });
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connection && !this.connection.isClosed()) await this.connection.drain().catch(() => undefined);
  }
}
