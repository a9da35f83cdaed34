import { LogisticsConfig } from '../config';
import { DueHours } from './ticket-rules';

export const dueHoursOf = (config: LogisticsConfig): DueHours => ({
  CRITICAL: config.TICKET_DUE_HOURS_CRITICAL,
  HIGH: config.TICKET_DUE_HOURS_HIGH,
  MEDIUM: config.TICKET_DUE_HOURS_MEDIUM,
  LOW: config.TICKET_DUE_HOURS_LOW,
});
