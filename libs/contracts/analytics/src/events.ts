import { AnalyticsSubjects } from './subjects';

/**
 * Any event's payload, taken as it is: analytics records every event of every service, so it
 * validates nothing but that the payload is a JSON object (the platform's decoder refuses anything else).
 */
export class AnyEventBody {
  [key: string]: unknown;
}

/** Every event of every service, each recorded once as an AnalyticsEvent. */
export const EveryEvent = { subject: AnalyticsSubjects.EveryEvent, payload: AnyEventBody, version: 1 } as const;
