import { classifyIntilery } from '../core/intilery-errors.js';
import type { IntileryItem } from '../core/intilery-plan.js';
import { intileryOperation, intileryRequest, itemBytes } from '../core/intilery-request.js';
import { transportVerdict, type PartnerReply, type PartnerVerdict } from '../core/partner-verdict.js';
import { PushstreamError, errorMessage } from '@pushstream/runtime';
import { instrumentedSend } from '../delivery/instrumented-send.js';
import type { SyncContext } from '../delivery/sync-context.js';

/** What one device's items got back. */
export interface GroupAnswer {
  readonly verdict: PartnerVerdict;
  readonly reply: PartnerReply | undefined;
  readonly operation: string;
}

interface PendingGroup {
  readonly items: readonly IntileryItem[];
  readonly bytes: number;
  readonly resolve: (answer: GroupAnswer) => void;
}

/** Largest batch body Intilery takes is 1 MB; stay well below it. */
const MAX_BATCH_BYTES = 512 * 1024;

/**
 * Collects the pending items of many devices (each device's items stay together and in order) and sends
 * them per app in one request: `/v1/batch` when several are pending, the single endpoint otherwise —
 * after `lingerMs`, or at once when `maxItems` are pending. A batch that Intilery refuses as a whole
 * (400, 413) is split into one request per device so only the bad device fails.
 */
export class IntileryBatcher {
  private readonly pending = new Map<string, PendingGroup[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly context: SyncContext,
    private readonly options: { maxItems: number; lingerMs: number },
  ) {}

  /** Queues one device's items for `app`; resolves with the answer for them. */
  submit(app: string, items: readonly IntileryItem[]): Promise<GroupAnswer> {
    return new Promise((resolve) => {
      const groups = this.pending.get(app) ?? [];
      groups.push({ items, bytes: items.reduce((sum, item) => sum + itemBytes(item), 0), resolve });
      this.pending.set(app, groups);
      const count = groups.reduce((sum, group) => sum + group.items.length, 0);
      if (count >= this.options.maxItems) this.flush(app);
      else if (!this.timers.has(app))
        this.timers.set(
          app,
          setTimeout(() => this.flush(app), this.options.lingerMs),
        );
    });
  }

  private flush(app: string): void {
    const timer = this.timers.get(app);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(app);
    const groups = this.pending.get(app) ?? [];
    this.pending.delete(app);
    for (const batch of packBatches(groups, this.options.maxItems)) {
      this.send(app, batch).then(
        (answers) => batch.forEach((group, index) => group.resolve(answers[index] ?? failed('no answer'))),
        (error: unknown) => {
          for (const group of batch) group.resolve(failed(errorMessage(error)));
        },
      );
    }
  }

  /** One request for the groups; split per group when Intilery refuses the batch as a whole. */
  private async send(app: string, groups: readonly PendingGroup[]): Promise<GroupAnswer[]> {
    const account = this.context.partners.current().intilery[app];
    if (account === undefined)
      throw new PushstreamError('CONFIG_INVALID', `no intilery account for app ${app}`);
    const items = groups.flatMap((group) => group.items);
    const operation = intileryOperation(items);
    await this.context.limiter.acquire(this.context.signal);
    const reply = await instrumentedSend(
      this.context.transport,
      this.context.metrics,
      { target: 'intilery', operation },
      account.baseUrl,
      intileryRequest(account, items),
    );
    const verdict =
      'failure' in reply ? transportVerdict(reply) : classifyIntilery(reply, this.context.now());
    if (groups.length > 1 && (verdict.kind === 'reject' || verdict.kind === 'too-large')) {
      const answers = await Promise.all(groups.map((group) => this.send(app, [group])));
      return answers.flat();
    }
    return groups.map(() => ({ verdict, reply, operation }));
  }
}

function failed(detail: string): GroupAnswer {
  return { verdict: { kind: 'retry', reason: 'unavailable', detail }, reply: undefined, operation: 'batch' };
}

/** Splits groups into batches of at most `maxItems` items and MAX_BATCH_BYTES (a group is never split). */
function packBatches(groups: readonly PendingGroup[], maxItems: number): PendingGroup[][] {
  const batches: PendingGroup[][] = [];
  let current: PendingGroup[] = [];
  let items = 0;
  let bytes = 0;
  for (const group of groups) {
    if (
      current.length > 0 &&
      (items + group.items.length > maxItems || bytes + group.bytes > MAX_BATCH_BYTES)
    ) {
      batches.push(current);
      current = [];
      items = 0;
      bytes = 0;
    }
    current.push(group);
    items += group.items.length;
    bytes += group.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
