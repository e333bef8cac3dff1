import type { EventKind } from './event-kind.js';

/** Segment's mobile lifecycle and push event names (lower case) with a meaning of their own. */
const TRACK_BY_NAME: Readonly<Record<string, EventKind>> = {
  'application updated': 'UPDATED',
  'push notification received': 'PUSH_SENT',
  'push notification tapped': 'PUSH_OPENED',
  'push notification opened': 'PUSH_OPENED',
  'push notification bounced': 'PUSH_FAILED',
};

/**
 * The kind of a Segment-spec message. Per DESIGN.md section 5 only Intilery's "register push" installs;
 * Segment's "Application Opened/Installed" are app activity (the push registration is what the pipeline
 * tracks), identify is IDENTIFIED, other calls (page, screen, track) are ACTIVITY, unknown types OTHER.
 */
export function trackKind(type: string, eventName: string | undefined, registerPush: boolean): EventKind {
  if (registerPush) return 'INSTALLED';
  switch (type) {
    case 'identify':
      return 'IDENTIFIED';
    case 'track':
      return TRACK_BY_NAME[(eventName ?? '').trim().toLowerCase()] ?? 'ACTIVITY';
    case 'screen':
    case 'page':
      return 'ACTIVITY';
    case 'alias':
    case 'group':
      return 'IDENTIFIED';
    default:
      return 'OTHER';
  }
}
