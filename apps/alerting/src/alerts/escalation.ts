import { Prisma } from '@suite/db/alerting';
import { RecipientRow } from './notify-log';

export interface EscalationStep {
  waitMinutes: number;
  recipients: RecipientRow[];
}

type Policy = Prisma.EscalationPolicyGetPayload<object>;

export const stepsOf = (policy: Policy): EscalationStep[] =>
  (policy.steps as unknown as EscalationStep[]).map((s) => ({
    waitMinutes: s.waitMinutes,
    recipients: s.recipients.map((r) => ({ ...r, channels: r.channels ?? [] })),
  }));

const after = (from: Date, minutes: number) => new Date(from.getTime() + Math.round(minutes * 60000));

/** When the first step is due for an alert just notified (null without a live policy). */
export function escalationStart(policy: Policy | null, from: Date): Date | null {
  if (!policy || policy.isDeleted) return null;
  const [first] = stepsOf(policy);
  return first ? after(from, first.waitMinutes) : null;
}

/** The step `step` (counting repeats) and when the next one is due; null once the steps and their repeats are done. */
export function escalationPlan(policy: Policy, step: number, from: Date): { current: EscalationStep; nextDueAt: Date | null } | null {
  const steps = stepsOf(policy);
  if (steps.length === 0 || Math.floor(step / steps.length) > policy.repeat) return null;
  const next = step + 1;
  const nextDueAt = Math.floor(next / steps.length) > policy.repeat ? null : after(from, steps[next % steps.length].waitMinutes);
  return { current: steps[step % steps.length], nextDueAt };
}
