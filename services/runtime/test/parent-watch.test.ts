import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchParent } from '../src/index.js';

describe('watchParent', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls back once, after the parent changed, and then stops polling', () => {
    vi.useFakeTimers();
    let parent = 100;
    let polls = 0;
    const gone: number[] = [];
    watchParent(100, () => gone.push(polls), {
      intervalMs: 50,
      currentParent: () => {
        polls += 1;
        return parent;
      },
    });
    vi.advanceTimersByTime(200);
    expect(gone).toEqual([]);
    parent = 1;
    vi.advanceTimersByTime(500);
    expect(gone).toEqual([5]);
    expect(polls).toBe(5);
  });

  it('never calls back once stopped', () => {
    vi.useFakeTimers();
    const onGone = vi.fn();
    const stop = watchParent(100, onGone, { intervalMs: 10, currentParent: () => 1 });
    stop();
    vi.advanceTimersByTime(100);
    expect(onGone).not.toHaveBeenCalled();
  });
});
