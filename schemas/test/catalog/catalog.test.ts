import { readFileSync } from 'node:fs';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { renderCatalog } from '../../scripts/generate-catalog.js';
import { TOPOLOGY } from '../../src/index.js';

const catalog = renderCatalog();

// The parser's diagnostics carry @stoplight/types' severity enum, of which it re-exports its own copy.
function isError(severity: unknown): boolean {
  return Number(severity) === Number(DiagnosticSeverity.Error);
}
const asyncApiText = catalog.get('asyncapi.json') ?? '';

describe('topic catalog', () => {
  it.each([...catalog.keys()])(
    'docs/%s is up to date (run `npm run generate -w @pushstream/schemas`)',
    (file) => {
      expect(readFileSync(new URL(`../../../docs/${file}`, import.meta.url), 'utf8')).toBe(catalog.get(file));
    },
  );

  it('is a valid AsyncAPI 3 document, Avro payloads included', async () => {
    const parser = new Parser();
    parser.registerSchemaParser(AvroSchemaParser());
    const { document, diagnostics } = await parser.parse(asyncApiText);
    const errors = diagnostics
      .filter((diagnostic) => isError(diagnostic.severity))
      .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('would catch a broken document (the validator is really wired)', async () => {
    const parser = new Parser();
    parser.registerSchemaParser(AvroSchemaParser());
    const broken = JSON.parse(asyncApiText) as {
      components: { messages: { DeviceEvent: { payload: { schema: { fields: unknown[] } } } } };
    };
    broken.components.messages.DeviceEvent.payload.schema.fields.push({
      name: 'bad',
      type: 'no-such-avro-type',
    });
    const { diagnostics } = await parser.parse(JSON.stringify(broken));
    expect(diagnostics.filter((diagnostic) => isError(diagnostic.severity)).length).toBeGreaterThan(0);
  });

  it('lists every topic of the topology with its producers and consumers', async () => {
    const parser = new Parser();
    parser.registerSchemaParser(AvroSchemaParser());
    const { document } = await parser.parse(asyncApiText);
    const addresses =
      document
        ?.channels()
        .all()
        .map((channel) => channel.address()) ?? [];
    expect(addresses).toEqual(TOPOLOGY.map((topic) => `pushstream.${topic.name}`));
    const operations = document?.operations().all() ?? [];
    const expected = TOPOLOGY.reduce(
      (sum, topic) => sum + topic.producers.length + topic.consumers.length,
      0,
    );
    expect(operations).toHaveLength(expected);
    const deviceState = document
      ?.channels()
      .all()
      .find((channel) => channel.address() === 'pushstream.device-state.v1');
    expect(deviceState?.bindings().get('kafka')?.value()).toMatchObject({
      topicConfiguration: { 'cleanup.policy': ['compact'] },
    });
  });

  it('names every topic and Avro record on the human page', () => {
    const page = catalog.get('topics.md') ?? '';
    for (const topic of TOPOLOGY) expect(page).toContain(`\`pushstream.${topic.name}\``);
    for (const record of ['DeviceEvent', 'DeviceState', 'DeviceSession', 'SinkAck', 'ConnectorCheckpoint'])
      expect(page).toContain(`### pushstream.${record}`);
  });
});
