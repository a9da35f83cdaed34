import { randomUUID } from 'node:crypto';

/** A threshold and where its evaluation stands (kept in memory; transitions are persisted by the evaluator). */
export interface ThresholdState {
  id: string;
  deviceId: string;
  sensorId: string;
  operator: 'ABOVE' | 'BELOW';
  value: number;
  durationSeconds: number;
  hysteresis: number;
  severity: string;
  name: string | null;
  /** When the current breach began (reading time, ms); null while not breaching. */
  breachStartedAt: number | null;
  activeAlertId: string | null;
  /** Time of the last reading evaluated: older readings (a late or redelivered batch) are ignored. */
  lastTs: number;
}

export type Transition =
  | { kind: 'breach-started'; at: number }
  | { kind: 'breach-ended' }
  | { kind: 'raised'; alertId: string; at: number; value: number; breachStartedAt: number }
  | { kind: 'cleared'; alertId: string; at: number; value: number };

/**
 * One reading through one threshold. ABOVE breaches when value > limit and clears when value <= limit - hysteresis
 * (BELOW mirrored); a value inside the hysteresis band changes nothing, so a sensor hovering at the limit does not flap.
 * An alert is raised once the breach has lasted durationSeconds of reading time (0: at the first breaching reading).
 */
export function step(state: ThresholdState, value: number, ts: number): Transition | null {
  if (ts <= state.lastTs) return null;
  state.lastTs = ts;
  const breaching = state.operator === 'ABOVE' ? value > state.value : value < state.value;
  const cleared = state.operator === 'ABOVE' ? value <= state.value - state.hysteresis : value >= state.value + state.hysteresis;
  if (breaching) {
    if (state.activeAlertId) return null;
    const started = state.breachStartedAt ?? ts;
    if (ts - started >= state.durationSeconds * 1000) {
      state.breachStartedAt = started;
      state.activeAlertId = randomUUID();
      return { kind: 'raised', alertId: state.activeAlertId, at: ts, value, breachStartedAt: started };
    }
    if (state.breachStartedAt === null) {
      state.breachStartedAt = ts;
      return { kind: 'breach-started', at: ts };
    }
    return null;
  }
  if (!cleared) return null;
  if (state.activeAlertId) {
    const alertId = state.activeAlertId;
    state.activeAlertId = null;
    state.breachStartedAt = null;
    return { kind: 'cleared', alertId, at: ts, value };
  }
  if (state.breachStartedAt !== null) {
    state.breachStartedAt = null;
    return { kind: 'breach-ended' };
  }
  return null;
}
