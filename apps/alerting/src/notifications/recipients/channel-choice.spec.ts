import { chooseChannels, preferredChannels } from './channel-choice';

describe('channel choice', () => {
  const prefs = {
    channels: ['EMAIL', 'IN_APP'] as const,
    rules: [
      { priority: 'CRITICAL', channels: ['SMS', 'PUSH'] },
      { category: 'SENSOR', channels: ['PUSH'] },
      { category: 'SENSOR', priority: 'LOW', channels: ['IN_APP'] },
    ],
  } as any;

  it('takes the most specific matching rule, else the defaults', () => {
    expect(preferredChannels(prefs, 'SENSOR', 'LOW')).toEqual(['IN_APP']);
    expect(preferredChannels(prefs, 'SENSOR', 'HIGH')).toEqual(['PUSH']);
    expect(preferredChannels(prefs, 'ORDER', 'CRITICAL')).toEqual(['SMS', 'PUSH']);
    expect(preferredChannels(prefs, 'ORDER', 'LOW')).toEqual(['EMAIL', 'IN_APP']);
  });

  it('narrows the preference by the request, or uses the request when they share nothing', () => {
    expect(chooseChannels(prefs, 'ORDER', 'CRITICAL', ['SMS', 'EMAIL']).send).toEqual(['SMS']);
    expect(chooseChannels(prefs, 'ORDER', 'LOW', ['WEBHOOK']).send).toEqual(['WEBHOOK']);
  });

  it('falls back to the default channels not already used, then in-app', () => {
    expect(chooseChannels(prefs, 'ORDER', 'CRITICAL')).toEqual({ send: ['SMS', 'PUSH'], fallback: ['EMAIL', 'IN_APP'] });
    expect(chooseChannels({ channels: ['SMS'], rules: [] }, 'ORDER', 'LOW')).toEqual({ send: ['SMS'], fallback: ['IN_APP'] });
  });
});
