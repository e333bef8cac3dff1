/** The legacy Infobip error envelope (401, 403, 404, 429, 500 and the Mobile Messaging business errors). */
export function legacyError(messageId: string, text: string): unknown {
  return { requestError: { serviceException: { messageId, text } } };
}

/** The push endpoints' error body (PushApiErrorResponse). */
export function pushError(errorCode: number, errorMessage: string): unknown {
  return { errorCode, errorMessage };
}

/** The newer platform error body, which "most endpoints" return for 429. */
export function platformError(errorCode: string, description: string, action: string): unknown {
  return { errorCode, description, action, violations: [], resources: [] };
}

/** Business error codes of personalize (MM "Server errors" wiki). */
export type InfobipBusinessError =
  | 'EMAIL_INVALID'
  | 'PHONE_INVALID'
  | 'USER_IDENTITY_INVALID'
  | 'USER_MERGE_INTERRUPTED'
  | 'PERSONALIZATION_IMPOSSIBLE'
  | 'AMBIGUOUS_PERSONALIZE_CANDIDATES'
  | 'USER_DATA_RESTRICTED'
  | 'REQUEST_FORMAT_INVALID';

/** The text Infobip gives with each business error. */
export const BUSINESS_ERROR_TEXT: Readonly<Record<InfobipBusinessError, string>> = {
  EMAIL_INVALID: 'Invalid email',
  PHONE_INVALID: 'Invalid phone number',
  USER_IDENTITY_INVALID: 'Identity must contain at least one of phone number, email or external id',
  USER_MERGE_INTERRUPTED: 'User update violates unique key constraint',
  PERSONALIZATION_IMPOSSIBLE: 'Installation is not depersonalized. Personalization is prohibited',
  AMBIGUOUS_PERSONALIZE_CANDIDATES: 'Identity matches more than one person',
  USER_DATA_RESTRICTED: 'Saving sensitive data from SDK is restricted',
  REQUEST_FORMAT_INVALID: 'Invalid request format',
};
