import { shouldSeedDemo } from './demo-offer';

describe('shouldSeedDemo: when npm start loads the demo world', () => {
  const input = (over: Partial<Parameters<typeof shouldSeedDemo>[0]> = {}) => {
    const asked: string[] = [];
    return {
      asked,
      input: {
        seedDemo: undefined,
        isTTY: true,
        firstStart: async () => true,
        ask: async (q: string) => {
          asked.push(q);
          return '';
        },
        ...over,
      },
    };
  };

  it('asks on a first start at a terminal, Enter or y meaning yes', async () => {
    const { input: i, asked } = input();
    expect(await shouldSeedDemo(i)).toBe(true);
    expect(asked).toEqual(['Load the demo world? [Y/n] ']);
    expect(await shouldSeedDemo({ ...i, ask: async () => ' Y ' })).toBe(true);
    expect(await shouldSeedDemo({ ...i, ask: async () => 'n' })).toBe(false);
    expect(await shouldSeedDemo({ ...i, ask: async () => 'nope' })).toBe(false);
  });

  it('does not ask when users exist or nobody can answer', async () => {
    const later = input({ firstStart: async () => false });
    expect(await shouldSeedDemo(later.input)).toBe(false);
    const piped = input({ isTTY: false });
    expect(await shouldSeedDemo(piped.input)).toBe(false);
    expect([...later.asked, ...piped.asked]).toEqual([]);
  });

  it('SEED_DEMO=true seeds and SEED_DEMO=false never does, without asking or looking', async () => {
    const looked = jest.fn(async () => true);
    const yes = input({ seedDemo: 'true', isTTY: false, firstStart: looked });
    expect(await shouldSeedDemo(yes.input)).toBe(true);
    const no = input({ seedDemo: 'false', firstStart: looked });
    expect(await shouldSeedDemo(no.input)).toBe(false);
    expect([looked.mock.calls.length, yes.asked, no.asked]).toEqual([0, [], []]);
  });

  it('refuses a SEED_DEMO it does not understand, naming it', async () => {
    await expect(shouldSeedDemo(input({ seedDemo: 'sometimes' }).input)).rejects.toThrow(
      'SEED_DEMO must be true or false, not "sometimes"',
    );
  });
});
