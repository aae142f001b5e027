// Where a real client's traffic is drawn: each open connection at the card of what it serves (a
// producer card or a group member's row); a connection with no card (an admin's) maps nowhere.
import { describe, expect, it } from 'vitest';
import { initialSimState, type SimState } from '../../src/app/store';
import { externalNodesOf, parseExternalNodes } from '../../src/ui/scene/model';

const external = (conns: string[]) => ({
  clientId: 'shop',
  connections: conns.map((conn, i) => ({ conn, brokerId: i + 1 })),
  topics: ['orders'],
  acks: -1,
});

function state(): SimState {
  const s = initialSimState();
  return {
    ...s,
    producerIds: ['checkout', 'ext:shop'],
    producers: {
      checkout: { id: 'checkout' },
      'ext:shop': { id: 'ext:shop', external: external(['c2', 'c3']) },
    } as unknown as SimState['producers'],
    consumerIds: ['shop-0a1b2c3d'],
    consumers: {
      'shop-0a1b2c3d': { id: 'shop-0a1b2c3d', external: external(['c5']) },
    } as unknown as SimState['consumers'],
  };
}

describe('real clients in the flight canvas', () => {
  it('maps each open connection to its producer card or member row', () => {
    const map = parseExternalNodes(externalNodesOf(state()));
    expect([...map]).toEqual([
      ['external:c2', 'producer:ext:shop'],
      ['external:c3', 'producer:ext:shop'],
      ['external:c5', 'consumer:shop-0a1b2c3d'],
    ]);
    expect(map.get('external:c1')).toBeUndefined();
  });

  it('maps nothing when no real client is drawn', () => {
    expect(parseExternalNodes(externalNodesOf(initialSimState())).size).toBe(0);
  });
});
