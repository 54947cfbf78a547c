import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliExit } from '../exit.ts';
import { registerServe } from './serve.ts';

describe('jixiao serve', () => {
  it('registers the command with its options', () => {
    const program = new Command('jixiao');
    registerServe(program);
    const serve = program.commands.find((c) => c.name() === 'serve')!;
    expect(serve.options.map((o) => o.long)).toEqual([
      '--port',
      '--host',
      '--data-dir',
      '--database-url',
      '--demo',
      '--no-demo',
    ]);
  });

  it('refuses a port that is not a number', async () => {
    const program = new Command('jixiao').exitOverride();
    registerServe(program);
    await expect(program.parseAsync(['serve', '--port', 'abc'], { from: 'user' })).rejects.toBeInstanceOf(
      CliExit,
    );
  });
});
