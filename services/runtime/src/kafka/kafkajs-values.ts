import kafkajs from 'kafkajs';

// kafkajs is CommonJS and its `module.exports` literal stops Node's export detection at
// `CompressionTypes: Compression.Types`, so named ESM imports of later values fail under plain Node
// (vitest hides this). Runtime values come from the default export, here, once.
export const { Kafka, KafkaJSError, logLevel, CompressionTypes, Partitioners, ConfigResourceTypes } = kafkajs;
