/** What an event does to a device's status, decided from the parsed event alone (DESIGN.md §5). */
export type Effect = 'install' | 'open' | 'unregister' | 'none';

const INVALID_TOKEN = new Set(['Uninstalled', 'BadDeviceToken', 'MissingRegistration', 'Unauthorized']);

/** The DESIGN.md §5 effect of a parsed RTDS event. */
export function rtdsEffect(event: { type: string; body?: unknown }): Effect {
  const body = (event.body ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case 'FIRST_OPEN':
    case 'FIRST_OPT_IN':
      return 'install';
    case 'OPEN':
    case 'WEB_SESSION':
      return 'open';
    case 'UNINSTALL':
      return 'unregister';
    case 'SEND_REJECTED':
      return INVALID_TOKEN.has(String(body.status)) ? 'unregister' : 'none';
    case 'CONTACT_CHANGE':
      return body.change_type === 'UNINSTALL' ? 'unregister' : 'none';
    case 'COMPLIANCE': {
      const type = body.event_type;
      const registered = (body.properties as Record<string, unknown> | undefined)?.channel_registered;
      if (type === 'uninstall' || type === 'carrier_deactivation') return 'unregister';
      if (type === 'api_initiate_opt_in' || type === 'mobile_create_channel') return 'install';
      if (type === 'create_and_send') return registered === true ? 'install' : 'none';
      if (type === 'registration')
        return (body.properties as Record<string, unknown> | undefined)?.registration_type === 'create'
          ? 'install'
          : 'none';
      return 'none';
    }
    default:
      return 'none';
  }
}

/** The DESIGN.md §5 effect of a CM.com event type. */
export function cmEffect(type: string): Effect {
  if (type === 'ClientInstalled') return 'install';
  if (type === 'MessageOpened') return 'open';
  if (type === 'ClientUnregistered') return 'unregister';
  return 'none';
}

/** Folds effects sorted by event time into the simple status model, written separately from the generator's. */
export function statusOf(events: { occurredMs: number; effect: Effect }[]): string {
  let status = 'NONE';
  for (const { effect } of events.toSorted((a, b) => a.occurredMs - b.occurredMs)) {
    if (effect === 'open') status = 'ACTIVE';
    if (effect === 'unregister') status = 'UNREGISTERED';
    if (effect === 'install' && status !== 'ACTIVE') status = 'INSTALLED';
    if (effect === 'none' && status === 'NONE') status = 'INSTALLED';
  }
  return status;
}
