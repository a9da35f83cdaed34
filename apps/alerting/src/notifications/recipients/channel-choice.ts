import type { NotificationChannel } from '@suite/contracts/alerting';

export interface ChannelRule {
  category?: string;
  priority?: string;
  channels: NotificationChannel[];
}

export interface RecipientPreferences {
  channels: NotificationChannel[];
  rules: ChannelRule[];
}

/** The user's channels for this category and priority: the first rule naming both, then either, else the defaults. */
export function preferredChannels(prefs: RecipientPreferences, category: string, priority: string): NotificationChannel[] {
  const matches = (r: ChannelRule) => (!r.category || r.category === category) && (!r.priority || r.priority === priority);
  const specificity = (r: ChannelRule) => (r.category ? 1 : 0) + (r.priority ? 1 : 0);
  const rule = [...prefs.rules].filter(matches).sort((a, b) => specificity(b) - specificity(a))[0];
  return rule ? rule.channels : prefs.channels;
}

/**
 * What the NotifyRequest asks (a rule's recipient channels) narrows what the user prefers; when the two
 * share nothing, the request's channels are used as asked (an operator's test send, a rule that insists).
 * Returns the channels to send now and, in order, the ones to fall back to after a permanent failure.
 */
export function chooseChannels(
  prefs: RecipientPreferences,
  category: string,
  priority: string,
  requested?: NotificationChannel[],
): { send: NotificationChannel[]; fallback: NotificationChannel[] } {
  const preferred = preferredChannels(prefs, category, priority);
  let send = preferred;
  if (requested && requested.length > 0) {
    const both = preferred.filter((c) => requested.includes(c));
    send = both.length > 0 ? both : requested;
  }
  const fallback = [...prefs.channels, 'IN_APP' as const].filter((c, i, all) => !send.includes(c) && all.indexOf(c) === i);
  return { send, fallback };
}
