/** One step of the shutdown sequence. */
export interface ShutdownStep {
  readonly name: string;
  run(): void | Promise<void>;
}

/** What a shutdown did. */
export interface ShutdownResult {
  /** Steps that finished, in order. */
  readonly completed: readonly string[];
  /** Steps that threw (the sequence went on). */
  readonly failed: readonly { readonly name: string; readonly error: unknown }[];
  /** Steps never started or cut off because the deadline passed. */
  readonly abandoned: readonly string[];
  readonly timedOut: boolean;
}

/**
 * The ordered stop of a service. Steps run one after another, each given what is left of one overall
 * deadline; a step that throws is reported and the next one still runs (a failed commit must not keep
 * the producer from flushing). Once the deadline passes, the remaining steps are abandoned so the process
 * can exit before Kubernetes kills it. Running it twice returns the first run's result.
 */
export class ShutdownSequence {
  private readonly steps: ShutdownStep[] = [];
  private result: Promise<ShutdownResult> | undefined;

  constructor(private readonly options: { deadlineMs: number; now?: () => number }) {}

  /** Appends a step; steps run in the order they were added. */
  add(step: ShutdownStep): this {
    this.steps.push(step);
    return this;
  }

  /** True once `run` has been called. */
  get started(): boolean {
    return this.result !== undefined;
  }

  /** Runs the sequence (once). */
  run(): Promise<ShutdownResult> {
    this.result ??= this.execute();
    return this.result;
  }

  private async execute(): Promise<ShutdownResult> {
    const now = this.options.now ?? Date.now;
    const deadline = now() + this.options.deadlineMs;
    const completed: string[] = [];
    const failed: { name: string; error: unknown }[] = [];
    for (const [index, step] of this.steps.entries()) {
      const remaining = deadline - now();
      if (remaining <= 0)
        return { completed, failed, abandoned: this.steps.slice(index).map((s) => s.name), timedOut: true };
      const outcome = await withinMs(remaining, () => step.run());
      if (outcome.kind === 'done') completed.push(step.name);
      else if (outcome.kind === 'failed') failed.push({ name: step.name, error: outcome.error });
      else
        return { completed, failed, abandoned: this.steps.slice(index).map((s) => s.name), timedOut: true };
    }
    return { completed, failed, abandoned: [], timedOut: false };
  }
}

type Outcome = { kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'timeout' };

async function withinMs(ms: number, action: () => void | Promise<void>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
  });
  const work = (async (): Promise<Outcome> => {
    try {
      await action();
      return { kind: 'done' };
    } catch (error) {
      return { kind: 'failed', error };
    }
  })();
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
