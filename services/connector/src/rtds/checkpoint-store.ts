// The store moved to the runtime so that the operator CLI shares its encoding; re-exported for the connector.
export { kafkaCheckpointStore, type CheckpointStore } from '@pushstream/runtime';
