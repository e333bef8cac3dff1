import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/io.js';
import { Output } from '../src/output.js';

/** A terminal-like stream that keeps what was drawn on it. */
function terminal(): { stream: NodeJS.WritableStream; text: () => string } {
  let drawn = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      drawn += chunk.toString();
      done();
    },
  });
  Object.assign(stream, {
    isTTY: true,
    columns: 120,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return { stream, text: () => drawn };
}

function io(progressStream?: NodeJS.WritableStream): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
      env: {},
      ...(progressStream === undefined ? {} : { progressStream }),
    },
    out: () => out,
    err: () => err,
  };
}

describe('Output', () => {
  it('draws a progress bar on a terminal', () => {
    const tty = terminal();
    const target = io(tty.stream);
    const progress = new Output(target.io, false).progress('replaying dlq', 4);
    progress.increment(3);
    progress.increment();
    progress.stop();
    expect(tty.text()).toContain('replaying dlq');
    expect(tty.text()).toContain('4/4 100%');
    expect(target.out()).toBe('');
  });

  it('draws no bar under --json or without a terminal', () => {
    const tty = terminal();
    new Output(io(tty.stream).io, true).progress('x', 4).increment();
    expect(tty.text()).toBe('');
    const plain = io();
    new Output(plain.io, false).progress('x', 4).increment();
    expect(plain.err()).toBe('');
  });

  it('prints results as JSON or text, notes to stderr only for people', () => {
    const json = io();
    const asJson = new Output(json.io, true);
    asJson.result({ a: 1n }, () => 'text');
    asJson.note('hello');
    expect(json.out()).toBe('{"a":"1"}\n');
    expect(json.err()).toBe('');
    const text = io();
    const asText = new Output(text.io, false);
    asText.result({ a: 1 }, (v) => `a is ${v.a}\n`);
    asText.line({ a: 1 }, 'line');
    asText.note('hello');
    expect(text.out()).toBe('a is 1\nline\n');
    expect(text.err()).toBe('hello\n');
  });
});
