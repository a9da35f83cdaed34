import { DeviceBridge } from '@suite/contracts/iot-telemetry';
import { StreamSpec } from '@suite/platform';

/** Everything devices publish (readings and health reports) lands here first; consumers read it at their own pace. */
export const telemetryStream = (retentionHours: number): StreamSpec => ({
  name: DeviceBridge.stream,
  subjects: [DeviceBridge.telemetryWildcard, DeviceBridge.healthWildcard],
  maxAgeMs: retentionHours * 3600 * 1000,
});

/** Refused and malformed messages, kept two weeks for whoever investigates. */
export const deadLetterStream: StreamSpec = {
  name: DeviceBridge.deadLetterStream,
  subjects: [DeviceBridge.deadLetterWildcard],
  maxAgeMs: 14 * 24 * 3600 * 1000,
};
