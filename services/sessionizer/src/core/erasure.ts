import type { DeviceEvent } from '@pushstream/schemas';
import type { ErasureRule } from './sessionizer-config.js';

/** The value at a dotted path of parsed JSON (`body.event_type`), or undefined. */
function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function parseDetail(detail: string): unknown {
  try {
    return JSON.parse(detail) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * True when the event is an erasure request under one of the rules: same `sourceType`, same `kind` when
 * the rule names one, and every `detail` path equal. The detail JSON is parsed only for a matching type.
 */
export function isErasureRequest(
  event: Pick<DeviceEvent, 'sourceType' | 'kind' | 'detail'>,
  rules: readonly ErasureRule[],
): boolean {
  let detail: unknown;
  let parsed = false;
  return rules.some((rule) => {
    if (rule.sourceType !== event.sourceType) return false;
    if (rule.kind !== undefined && rule.kind !== event.kind) return false;
    if (rule.detail === undefined) return true;
    if (!parsed) {
      detail = parseDetail(event.detail);
      parsed = true;
    }
    return Object.entries(rule.detail).every(([path, expected]) => valueAt(detail, path) === expected);
  });
}
