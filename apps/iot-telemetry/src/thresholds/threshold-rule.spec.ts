import { step, ThresholdState, Transition } from './threshold-rule';

const rule = (over: Partial<ThresholdState> = {}): ThresholdState => ({
  id: 't',
  deviceId: 'd',
  sensorId: 's',
  operator: 'ABOVE',
  value: 28,
  durationSeconds: 300,
  hysteresis: 0.5,
  severity: 'WARNING',
  name: null,
  breachStartedAt: null,
  activeAlertId: null,
  lastTs: 0,
  ...over,
});
const MIN = 60_000;
/** Feeds (minute, value) pairs and returns the kinds of transitions that happened. */
const run = (state: ThresholdState, points: [number, number][]): (Transition['kind'] | null)[] =>
  points.map(([minute, value]) => step(state, value, minute * MIN)?.kind ?? null);

describe('threshold rule: "above 28 for 5 minutes", hysteresis 0.5', () => {
  it('raises once after the breach has lasted the duration, not before, and not again while it lasts', () => {
    const s = rule();
    expect(
      run(s, [
        [1, 27],
        [2, 28.5],
        [4, 29],
        [6, 29.5],
        [7, 30],
        [8, 29],
      ]),
    ).toEqual([null, 'breach-started', null, null, 'raised', null]);
    expect(s.breachStartedAt).toBe(2 * MIN);
    expect(s.activeAlertId).toEqual(expect.any(String));
  });

  it('a dip below the limit before the duration restarts the clock', () => {
    const s = rule();
    expect(
      run(s, [
        [1, 29],
        [4, 27],
        [5, 29],
        [9, 29],
        [10, 29],
      ]),
    ).toEqual(['breach-started', 'breach-ended', 'breach-started', null, 'raised']);
  });

  it('clears only past the hysteresis band; inside it nothing changes', () => {
    const s = rule({ durationSeconds: 0 });
    expect(
      run(s, [
        [1, 28.1],
        [2, 27.8],
        [3, 28.4],
        [4, 27.5],
        [5, 28.2],
      ]),
    ).toEqual(['raised', null, null, 'cleared', 'raised']);
  });

  it('BELOW mirrors ABOVE', () => {
    const s = rule({ operator: 'BELOW', value: 80, durationSeconds: 0, hysteresis: 2 });
    expect(
      run(s, [
        [1, 81],
        [2, 79],
        [3, 81],
        [4, 82],
      ]),
    ).toEqual([null, 'raised', null, 'cleared']);
  });

  it('ignores readings not newer than the last one evaluated (late or redelivered batches)', () => {
    const s = rule({ durationSeconds: 0 });
    expect(
      run(s, [
        [5, 29],
        [5, 29],
        [3, 20],
        [6, 20],
      ]),
    ).toEqual(['raised', null, null, 'cleared']);
  });

  it('resumes from persisted state: an open alert is not raised twice after a restart', () => {
    const s = rule({ activeAlertId: 'a1', breachStartedAt: 1 * MIN });
    expect(
      run(s, [
        [10, 31],
        [11, 27],
      ]),
    ).toEqual([null, 'cleared']);
  });
});
