import type { TablebookClient } from '@tablebook/client';
import type { ExitCode } from '../exit-codes.ts';
import type { CliIO } from '../io.ts';
import type { Printer } from '../output/printer.ts';
import type { FlagSpecs, FlagValues, GlobalFlags } from './flags.ts';

interface ArgumentSpec<A extends string = string> {
  readonly name: A;
  readonly description: string;
}

interface CommandContext {
  client: TablebookClient;
  print: Printer;
  io: CliIO;
}

interface CommandInput<F extends FlagSpecs, A extends string> {
  args: Readonly<Record<A, string>>;
  flags: FlagValues<F & GlobalFlags>;
}

export interface Command<F extends FlagSpecs = FlagSpecs, A extends string = string> {
  /** The words that name it: ["restaurants", "list"]. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Shown in help after "Usage: tablebook ". */
  readonly usage: string;
  /** Required positional arguments, in order. */
  readonly arguments: readonly ArgumentSpec<A>[];
  readonly flags: F;
  readonly notes?: readonly string[];
  // Method syntax on purpose: commands with different flags then fit one registry.
  run(context: CommandContext, input: CommandInput<F, A>): Promise<ExitCode>;
}

/** Infers a command's flag and argument types from its declaration. */
export function defineCommand<const F extends FlagSpecs, const A extends string = never>(command: Command<F, A>): Command<F, A> {
  return command;
}

export const commandName = (command: Pick<Command, 'path'>) => command.path.join(' ');
