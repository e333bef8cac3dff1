import { describe, expect, it } from 'vitest';
import { ProcessingGate } from '../../src/shell/processing-gate.js';

describe('processing gate', () => {
  it('holds a sweep while a chunk is open and runs it once the chunk is acknowledged', async () => {
    const gate = new ProcessingGate();
    const order: string[] = [];
    await gate.enterChunk();
    const sweep = gate.exclusive(async () => {
      order.push('sweep');
    });
    await Promise.resolve();
    order.push('chunk acknowledged');
    gate.closeChunk();
    await sweep;
    expect(order).toEqual(['chunk acknowledged', 'sweep']);
  });

  it('holds the next chunk while a sweep runs', async () => {
    const gate = new ProcessingGate();
    const order: string[] = [];
    let finishSweep: () => void = () => undefined;
    const sweep = gate.exclusive(
      () =>
        new Promise<void>((resolve) => {
          order.push('sweep started');
          finishSweep = resolve;
        }),
    );
    await Promise.resolve();
    const chunk = gate.enterChunk().then(() => order.push('chunk entered'));
    await Promise.resolve();
    order.push('sweep finishing');
    finishSweep();
    await sweep;
    await chunk;
    expect(order).toEqual(['sweep started', 'sweep finishing', 'chunk entered']);
  });
});
