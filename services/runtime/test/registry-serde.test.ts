import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import {
  PushstreamError,
  RegistrySerde,
  valueSubject,
  type CompatibilityLevel,
  type SchemaRegistryClient,
} from '../src/index.js';

/** A registry client that counts calls; the wire format is faked as `id:json`. */
class CountingClient implements SchemaRegistryClient {
  readonly calls: string[] = [];
  failLatestOnce = false;
  latestDelayMs = 0;
  async setCompatibility(subject: string, level: CompatibilityLevel): Promise<void> {
    this.calls.push(`config ${subject} ${level}`);
  }
  incompatible = false;
  async checkCompatibility(subject: string): Promise<{ compatible: boolean; messages: string[] }> {
    this.calls.push(`check ${subject}`);
    return this.incompatible
      ? { compatible: false, messages: ['reader field x has no default'] }
      : { compatible: true, messages: [] };
  }
  async register(subject: string): Promise<number> {
    this.calls.push(`register ${subject}`);
    return 7;
  }
  async latestId(subject: string): Promise<number> {
    this.calls.push(`latest ${subject}`);
    if (this.latestDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latestDelayMs));
    if (this.failLatestOnce) {
      this.failLatestOnce = false;
      throw new PushstreamError('REGISTRY_UNAVAILABLE', 'down');
    }
    return 42;
  }
  async encode(schemaId: number, value: unknown): Promise<Buffer> {
    return Buffer.from(`${schemaId}:${JSON.stringify(value)}`);
  }
  writerTypes = new Map<number, avro.Type>();
  async writerType(schemaId: number): Promise<avro.Type> {
    this.calls.push(`writer ${schemaId}`);
    const type = this.writerTypes.get(schemaId);
    if (type === undefined) throw new PushstreamError('SCHEMA_NOT_FOUND', `no schema ${schemaId}`);
    return type;
  }
  async decode(buffer: Buffer): Promise<unknown> {
    const text = buffer.toString();
    return JSON.parse(text.slice(text.indexOf(':') + 1)) as unknown;
  }
}

describe('RegistrySerde', () => {
  it('looks a subject up once, then encodes from the cache', async () => {
    const client = new CountingClient();
    const serde = new RegistrySerde(client);
    for (let i = 0; i < 100; i += 1) await serde.encode('t-value', { i });
    expect(client.calls).toEqual(['latest t-value']);
    expect((await serde.encode('t-value', { i: 1 })).toString()).toBe('42:{"i":1}');
  });

  it('shares one lookup between concurrent misses', async () => {
    const client = new CountingClient();
    client.latestDelayMs = 20;
    const serde = new RegistrySerde(client);
    await Promise.all(Array.from({ length: 10 }, (_, i) => serde.encode('t-value', { i })));
    expect(client.calls).toEqual(['latest t-value']);
  });

  it('does not cache a failed lookup', async () => {
    const client = new CountingClient();
    client.failLatestOnce = true;
    const serde = new RegistrySerde(client);
    await expect(serde.encode('t-value', {})).rejects.toMatchObject({ code: 'REGISTRY_UNAVAILABLE' });
    await expect(serde.encode('t-value', { ok: true })).resolves.toEqual(Buffer.from('42:{"ok":true}'));
    expect(client.calls).toEqual(['latest t-value', 'latest t-value']);
  });

  it('registers with BACKWARD compatibility and encodes with the registered id without a lookup', async () => {
    const client = new CountingClient();
    const serde = new RegistrySerde(client);
    expect(await serde.register('t-value', { type: 'record', name: 'T', fields: [] })).toBe(7);
    await serde.encode('t-value', {});
    expect(client.calls).toEqual(['config t-value BACKWARD', 'check t-value', 'register t-value']);
  });

  it("refuses an incompatible schema with the registry's reasons and registers nothing", async () => {
    const client = new CountingClient();
    client.incompatible = true;
    const serde = new RegistrySerde(client);
    await expect(serde.register('t-value', { type: 'record', name: 'T', fields: [] })).rejects.toMatchObject({
      code: 'SCHEMA_INCOMPATIBLE',
      message:
        'schema is not BACKWARD compatible with the latest version of t-value: reader field x has no default',
    });
    expect(client.calls).not.toContain('register t-value');
  });

  it('decodes through the client', async () => {
    const serde = new RegistrySerde(new CountingClient());
    expect(await serde.decode(Buffer.from('42:{"a":1}'))).toEqual({ a: 1 });
  });

  it('decodes into the reader schema, fetching each writer schema and building its resolver once', async () => {
    const writerV1 = avro.Type.forSchema({
      type: 'record',
      name: 'T',
      fields: [{ name: 'a', type: 'string' }],
    });
    const readerV2 = avro.Type.forSchema({
      type: 'record',
      name: 'T',
      fields: [
        { name: 'a', type: 'string' },
        { name: 'b', type: 'int', default: 7 },
      ],
    });
    const client = new CountingClient();
    client.writerTypes.set(3, writerV1);
    const serde = new RegistrySerde(client);
    const wire = (value: unknown) => Buffer.concat([Buffer.from([0, 0, 0, 0, 3]), writerV1.toBuffer(value)]);
    const decoded = await Promise.all([
      serde.decodeAs(wire({ a: 'x' }), readerV2),
      serde.decodeAs(wire({ a: 'y' }), readerV2),
    ]);
    expect(decoded.map((value) => ({ ...(value as object) }))).toEqual([
      { a: 'x', b: 7 },
      { a: 'y', b: 7 },
    ]);
    expect(client.calls).toEqual(['writer 3']);
  });

  it('rejects bytes that are not Confluent wire format and writers the reader cannot read', async () => {
    const client = new CountingClient();
    client.writerTypes.set(
      4,
      avro.Type.forSchema({ type: 'record', name: 'T', fields: [{ name: 'a', type: 'int' }] }),
    );
    const reader = avro.Type.forSchema({
      type: 'record',
      name: 'T',
      fields: [{ name: 'c', type: 'string' }],
    });
    const serde = new RegistrySerde(client);
    await expect(serde.decodeAs(Buffer.from('{"json":true}'), reader)).rejects.toMatchObject({
      code: 'RECORD_DECODE_FAILED',
      message: 'not Confluent wire format: magic byte 123',
    });
    await expect(serde.decodeAs(Buffer.from([0, 0, 0, 0, 4, 2]), reader)).rejects.toMatchObject({
      code: 'SCHEMA_INCOMPATIBLE',
    });
  });

  it('names subjects by the topic-name strategy', () => {
    expect(valueSubject('pushstream.device-events.v1')).toBe('pushstream.device-events.v1-value');
  });
});
