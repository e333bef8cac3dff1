import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ShutdownSequence, exitOnSignals } from '../src/index.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('ShutdownSequence', () => {
  it('runs steps in order, each after the previous one finished', async () => {
    const log: string[] = [];
    const sequence = new ShutdownSequence({ deadlineMs: 1000 })
      .add({
        name: 'stop fetching',
        run: async () => {
          await sleep(20);
          log.push('stop fetching');
        },
      })
      .add({
        name: 'commit',
        run: () => {
          log.push('commit');
        },
      })
      .add({
        name: 'leave group',
        run: async () => {
          await sleep(5);
          log.push('leave group');
        },
      });
    const result = await sequence.run();
    expect(log).toEqual(['stop fetching', 'commit', 'leave group']);
    expect(result).toEqual({
      completed: ['stop fetching', 'commit', 'leave group'],
      failed: [],
      abandoned: [],
      timedOut: false,
    });
  });

  it('goes on after a failing step and reports it', async () => {
    const log: string[] = [];
    const boom = new Error('commit failed');
    const result = await new ShutdownSequence({ deadlineMs: 1000 })
      .add({
        name: 'commit',
        run: () => {
          throw boom;
        },
      })
      .add({
        name: 'flush producer',
        run: () => {
          log.push('flushed');
        },
      })
      .run();
    expect(log).toEqual(['flushed']);
    expect(result.failed).toEqual([{ name: 'commit', error: boom }]);
    expect(result.completed).toEqual(['flush producer']);
    expect(result.timedOut).toBe(false);
  });

  it('abandons the rest once the deadline passes', async () => {
    const log: string[] = [];
    const started = Date.now();
    const result = await new ShutdownSequence({ deadlineMs: 100 })
      .add({ name: 'finish batch', run: () => sleep(10_000) })
      .add({
        name: 'leave group',
        run: () => {
          log.push('left');
        },
      })
      .run();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({
      completed: [],
      failed: [],
      abandoned: ['finish batch', 'leave group'],
      timedOut: true,
    });
    expect(log).toEqual([]);
  });

  it('runs once however often it is asked', async () => {
    let runs = 0;
    const sequence = new ShutdownSequence({ deadlineMs: 1000 }).add({
      name: 'stop',
      run: () => {
        runs += 1;
      },
    });
    expect(sequence.started).toBe(false);
    const [a, b] = await Promise.all([sequence.run(), sequence.run()]);
    expect(runs).toBe(1);
    expect(a).toBe(b);
    expect(sequence.started).toBe(true);
  });
});

describe('exitOnSignals', () => {
  it('exits 0 after a clean shutdown on SIGTERM', async () => {
    const target = new EventEmitter();
    const codes: number[] = [];
    const sequence = new ShutdownSequence({ deadlineMs: 1000 }).add({ name: 'stop', run: () => sleep(5) });
    exitOnSignals(sequence, { target, exit: (code) => codes.push(code) });
    target.emit('SIGTERM', 'SIGTERM');
    await sequence.run();
    await sleep(1);
    expect(codes).toEqual([0]);
  });

  it('exits 1 when a step failed, and at once (130) on a second signal', async () => {
    const target = new EventEmitter();
    const codes: number[] = [];
    const sequence = new ShutdownSequence({ deadlineMs: 1000 }).add({
      name: 'stop',
      run: async () => {
        await sleep(30);
        throw new Error('x');
      },
    });
    exitOnSignals(sequence, { target, exit: (code) => codes.push(code) });
    target.emit('SIGINT', 'SIGINT');
    target.emit('SIGINT', 'SIGINT');
    expect(codes).toEqual([130]);
    await sequence.run();
    await sleep(1);
    expect(codes).toEqual([130, 1]);
  });
});
