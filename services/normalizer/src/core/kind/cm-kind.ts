import type { EventKind } from './event-kind.js';

const BY_TYPE: Readonly<Record<string, EventKind>> = {
  ClientInstalled: 'INSTALLED',
  ClientUpdated: 'UPDATED',
  ClientUnregistered: 'UNREGISTERED',
  // "the notification was tapped and the app opened": an open (DESIGN.md section 5), pushId says which push.
  MessageOpened: 'OPENED',
  MessageDismissed: 'PUSH_DISMISSED',
  MessageDelete: 'PUSH_DELETED',
};

/** The kind of a CM.com push event; types CM has not documented are OTHER. */
export function cmKind(type: string): EventKind {
  return BY_TYPE[type] ?? 'OTHER';
}
