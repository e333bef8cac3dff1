// The closed list lives with the data contracts (DLQ headers carry these codes); the runtime re-exports it.
export { ALL_ERROR_CODES, ERROR_CODES, isErrorCode, type ErrorCode } from '@pushstream/schemas';
