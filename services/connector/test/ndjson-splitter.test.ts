import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NdjsonSplitter } from '../src/core/ndjson-splitter.js';

const text = (lines: Buffer[]) => lines.map((line) => line.toString('utf8'));

describe('NdjsonSplitter', () => {
  it('splits lines, keeps blank keepalives, strips \\r and holds an unfinished line', () => {
    const splitter = new NdjsonSplitter();
    expect(text(splitter.push(Buffer.from('{"a":1}\r\n\n{"b":')))).toEqual(['{"a":1}', '']);
    expect(splitter.partialBytes).toBe(5);
    expect(text(splitter.push(Buffer.from('2}\n')))).toEqual(['{"b":2}']);
    expect(splitter.partialBytes).toBe(0);
  });

  it('reassembles multi-byte UTF-8 characters cut across chunks', () => {
    const bytes = Buffer.from('{"name":"Zoë 🚀 日本"}\n', 'utf8');
    const splitter = new NdjsonSplitter();
    const lines = [...bytes].flatMap((byte) => splitter.push(Buffer.from([byte])));
    expect(text(lines)).toEqual(['{"name":"Zoë 🚀 日本"}']);
  });

  it('refuses a line longer than its limit', () => {
    const splitter = new NdjsonSplitter(10);
    splitter.push(Buffer.from('12345'));
    expect(() => splitter.push(Buffer.from('678901'))).toThrow('NDJSON line longer than 10 bytes');
  });

  it('yields the same lines however the stream is chunked (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme' }).map((s) => s.replaceAll('\n', ' ').replaceAll('\r', ' ')),
          { maxLength: 20 },
        ),
        fc.array(fc.nat(40), { maxLength: 30 }),
        (lines, cuts) => {
          const stream = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
          const splitter = new NdjsonSplitter();
          const out: Buffer[] = [];
          let position = 0;
          for (const cut of cuts) {
            const end = Math.min(stream.length, position + cut);
            out.push(...splitter.push(stream.subarray(position, end)));
            position = end;
          }
          out.push(...splitter.push(stream.subarray(position)));
          expect(text(out)).toEqual(lines);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
