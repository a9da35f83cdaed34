import { DeviceOfflineEvent, DeviceOnlineEvent, IotTelemetryEvents } from '@suite/contracts/iot-telemetry';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { enqueueEvent } from '@suite/platform';

interface SeenRow {
  id: string;
  serial_number: string;
  user_id: string | null;
  before: string;
  after: string;
  last_seen: Date;
}

/**
 * Writes lastSeen = greatest(lastSeen, at) for each device and turns OFFLINE into ONLINE, with one DeviceOnline event per
 * device that changed, in one transaction. Rows are locked in id order so concurrent writers (other replicas, the watchdog
 * with SKIP LOCKED) never deadlock. A time older than the device's heartbeat timeout (a replay after an outage) moves
 * lastSeen but does not bring the device ONLINE: the watchdog would only take it OFFLINE again.
 * MAINTENANCE and ERROR keep their status. Returns how many devices came ONLINE.
 */
export async function markSeen(db: IotTelemetryDb, ids: string[], times: Date[]): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<SeenRow[]>(
      `WITH input AS (
         SELECT id, max(at) AS at FROM unnest($1::uuid[], $2::timestamptz[]) AS t(id, at) GROUP BY id
       ), locked AS (
         SELECT d.id, d.status FROM devices d JOIN input i ON i.id = d.id ORDER BY d.id FOR UPDATE OF d
       )
       UPDATE devices d SET
         last_seen = greatest(d.last_seen, i.at),
         status = CASE WHEN l.status = 'OFFLINE' AND i.at > now() - make_interval(secs => d.heartbeat_timeout_seconds) THEN 'ONLINE'::"DeviceStatus" ELSE d.status END,
         updated_at = CASE WHEN l.status = 'OFFLINE' AND i.at > now() - make_interval(secs => d.heartbeat_timeout_seconds) THEN now() ELSE d.updated_at END
       FROM input i JOIN locked l ON l.id = i.id
       WHERE d.id = i.id
       RETURNING d.id::text AS id, d.serial_number, d.user_id::text AS user_id, l.status::text AS before, d.status::text AS after, d.last_seen`,
      ids,
      times.map((t) => t.toISOString()),
    );
    const online = rows.filter((r) => r.before === 'OFFLINE' && r.after === 'ONLINE');
    for (const r of online) {
      const event: DeviceOnlineEvent = { deviceId: r.id, serialNumber: r.serial_number, userId: r.user_id, at: r.last_seen.toISOString() };
      await enqueueEvent(tx, IotTelemetryEvents.DeviceOnline, event);
    }
    return online.length;
  });
}

interface OfflineRow {
  id: string;
  serial_number: string;
  user_id: string | null;
  last_seen: Date | null;
  heartbeat_timeout_seconds: number;
}

/** Devices claimed per pass, so one pass never holds many row locks for long. */
const OFFLINE_BATCH = 500;

/**
 * ONLINE devices silent longer than their heartbeatTimeoutSeconds become OFFLINE, one DeviceOffline event each, in one
 * transaction. The conditional UPDATE decides: with two replicas' watchdogs (SKIP LOCKED, and the status re-checked by
 * the UPDATE), each device goes OFFLINE, and is announced, once.
 */
export async function markSilentOffline(db: IotTelemetryDb): Promise<OfflineRow[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<OfflineRow[]>(
      `UPDATE devices SET status = 'OFFLINE', updated_at = now()
       WHERE id IN (SELECT id FROM devices
                    WHERE status = 'ONLINE' AND (last_seen IS NULL OR last_seen < now() - make_interval(secs => heartbeat_timeout_seconds))
                    ORDER BY id LIMIT ${OFFLINE_BATCH} FOR UPDATE SKIP LOCKED)
         AND status = 'ONLINE' AND (last_seen IS NULL OR last_seen < now() - make_interval(secs => heartbeat_timeout_seconds))
       RETURNING id::text AS id, serial_number, user_id::text AS user_id, last_seen, heartbeat_timeout_seconds`,
    );
    const at = new Date().toISOString();
    for (const r of rows) {
      const event: DeviceOfflineEvent = {
        deviceId: r.id,
        serialNumber: r.serial_number,
        userId: r.user_id,
        lastSeen: r.last_seen?.toISOString() ?? null,
        heartbeatTimeoutSeconds: r.heartbeat_timeout_seconds,
        at,
      };
      await enqueueEvent(tx, IotTelemetryEvents.DeviceOffline, event);
    }
    return rows;
  });
}

/** Commands still pending or sent after their timeoutSeconds: nobody answered. */
export async function markCommandsTimedOut(db: IotTelemetryDb): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE device_commands SET status = 'timeout'
     WHERE id IN (SELECT id FROM device_commands
                  WHERE status IN ('pending', 'sent') AND sent_at < now() - make_interval(secs => timeout_seconds)
                  LIMIT 1000 FOR UPDATE SKIP LOCKED)
       AND status IN ('pending', 'sent')`,
  );
}
