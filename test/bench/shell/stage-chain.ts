import type { RowFigures } from '../core/bench-results.ts';
import type { BenchContext } from '../scenario.ts';

/** The topics that stages fill, in data-flow order. */
export type ChainTopic = 'raw' | 'device-events' | 'device-state';

/** A filled topic: under which topic prefix, how many records, and the figures measured while filling it. */
export interface ChainStep {
  readonly prefix: string;
  readonly records: number;
  readonly figures: readonly RowFigures[];
}

/** Fills `topic` for one run (variant: an independent copy, e.g. for the non-transactional normalizer). */
export type ChainFiller = (context: BenchContext, runIndex: number, variant: string) => Promise<ChainStep>;

/**
 * The stages measured in isolation, each draining an input its upstream stage filled in the same run:
 * RTDS ingest fills raw, the normalizer drains raw into device-events, the sessionizer drains those into
 * device-state, the sink drains device-state. Each fill happens at most once per run and variant, so a
 * measured scenario and a downstream scenario that needs its output share it; a downstream scenario run
 * alone (`--only sessionizer`) fills its upstream first, unmeasured.
 */
export class StageChain {
  private readonly steps = new Map<string, Promise<ChainStep>>();
  private readonly fillers: ReadonlyMap<ChainTopic, ChainFiller>;

  constructor(fillers: ReadonlyMap<ChainTopic, ChainFiller>) {
    this.fillers = fillers;
  }

  /** The filled `topic` of a run, filling it (and its upstream) on first use. */
  get(context: BenchContext, topic: ChainTopic, runIndex: number, variant = ''): Promise<ChainStep> {
    const key = `${topic}#${runIndex}#${variant}`;
    let step = this.steps.get(key);
    if (step === undefined) {
      const filler = this.fillers.get(topic);
      if (filler === undefined) return Promise.reject(new Error(`nothing fills ${topic}`));
      step = filler(context, runIndex, variant);
      this.steps.set(key, step);
    }
    return step;
  }
}
