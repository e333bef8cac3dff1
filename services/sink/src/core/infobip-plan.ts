import { canonicalJson, desiredHash } from './canonical-json.js';
import type { InfobipDesired, InfobipIdentity, AttributeValue } from './infobip-desired.js';
import { infobipErased } from './infobip-desired.js';
import type { AckedState, SyncDecision } from './sync-decision.js';

/** The body of a registration PATCH (only writable fields; a null attribute removes it). */
export interface InfobipPatchBody {
  readonly isPrimary?: boolean;
  readonly systemData: { readonly registrationEnabled: boolean };
  readonly additionalData: Readonly<Record<string, AttributeValue | null>>;
}

/** One call to Infobip's push contact-information API. */
export type InfobipOperation =
  | { readonly op: 'patch'; readonly body: InfobipPatchBody }
  | { readonly op: 'personalize'; readonly identity: InfobipIdentity }
  | { readonly op: 'depersonalize' };

/**
 * What to call so that Infobip holds `desired`, given what it acknowledged (reference D.1): the PATCH
 * first (enable/attributes before personalize; disable before depersonalize), then the identity change —
 * depersonalize before personalizing a different person. Without an acknowledgement the partner state is
 * unknown: everything is sent, and an unregistered device is depersonalized as well.
 */
export function planInfobip(desired: InfobipDesired, acked: InfobipDesired | undefined): InfobipOperation[] {
  const known = acked?.registrationId === desired.registrationId ? acked : undefined;
  const operations: InfobipOperation[] = [];
  if (known === undefined || patchDiffers(desired, known)) {
    operations.push({ op: 'patch', body: patchBody(desired, known) });
  }
  const identityChanged = canonicalJson(known?.identity ?? null) !== canonicalJson(desired.identity);
  if (desired.identity === null) {
    if (known === undefined ? !desired.registrationEnabled : known.identity !== null)
      operations.push({ op: 'depersonalize' });
  } else if (known === undefined || identityChanged) {
    if (known?.identity != null) operations.push({ op: 'depersonalize' });
    operations.push({ op: 'personalize', identity: desired.identity });
  }
  return operations;
}

/** Decides the Infobip calls for a device state (desired undefined = not applicable) or an erasure. */
export function decideInfobip(
  desired: InfobipDesired | undefined,
  acked: AckedState<InfobipDesired> | undefined,
  erased: boolean,
): SyncDecision<InfobipDesired, InfobipOperation> {
  if (erased) {
    if (acked === undefined) return { kind: 'not-applicable', reason: 'never-synced' };
    const target = infobipErased(acked.desired);
    return {
      kind: 'sync',
      desired: target,
      hash: desiredHash(target),
      operations: planInfobip(target, acked.desired),
      erase: true,
    };
  }
  if (desired === undefined) return { kind: 'not-applicable', reason: 'no-registration-id' };
  const hash = desiredHash(desired);
  if (acked?.hash === hash) return { kind: 'in-sync' };
  return { kind: 'sync', desired, hash, operations: planInfobip(desired, acked?.desired), erase: false };
}

function patchDiffers(desired: InfobipDesired, acked: InfobipDesired): boolean {
  return (
    desired.registrationEnabled !== acked.registrationEnabled ||
    desired.isPrimary !== acked.isPrimary ||
    canonicalJson(desired.additionalData) !== canonicalJson(acked.additionalData)
  );
}

function patchBody(desired: InfobipDesired, acked: InfobipDesired | undefined): InfobipPatchBody {
  const additionalData: Record<string, AttributeValue | null> = {};
  // Attributes we set before and no longer want are removed (null), as Infobip documents.
  for (const name of Object.keys(acked?.additionalData ?? {})) additionalData[name] = null;
  Object.assign(additionalData, desired.additionalData);
  const body = { systemData: { registrationEnabled: desired.registrationEnabled }, additionalData };
  return desired.isPrimary === undefined ? body : { isPrimary: desired.isPrimary, ...body };
}
