/**
 * The command line every CLI shares (validate, render, names, schema, verify), so they agree:
 * node:util parseArgs in strict mode (an unknown option is a mistake, never ignored); `--help`
 * and `-h` print the command's help on stdout, exit 0; `--dir` names the project directory
 * (default: the current one); `--stack dev` and `--stack Pulumi.dev.yaml` mean the same stack.
 * A usage mistake is ONE line on stderr, `<command>: <problem> (--help lists the options)`,
 * exit 2, never a stack trace (the format of verify/options/args.ts, which verify keeps).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { listStacks } from "../../model/load/stackFiles";

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A mistake on the command line: the runner prints it as one line and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandSpec<O extends Options> {
  /** As typed after `npm run`: validate, render, ... */
  readonly name: string;
  /** Arguments after `npm run <name> --`, e.g. `--stack <name> [--dir <project>]`. */
  readonly synopsis: string;
  /** What the command does, for --help. */
  readonly summary: string;
  /** The command's own options; --help and --dir are added. */
  readonly options: O;
  /** `[flag, explanation]` per option of `options`, for --help. */
  readonly optionHelp: readonly (readonly [string, string])[];
  /** What exit 1 means for this command. */
  readonly failure: string;
}

const COMMON = { help: { type: "boolean", short: "h" }, dir: { type: "string" } } as const;
/** --stack, for the commands that take one (spread into `options`). */
export const STACK_OPTION = { stack: { type: "string", short: "s" } } as const;
export const STACK_HELP = ["--stack, -s <name>", "stack name, or its file: dev and Pulumi.dev.yaml are the same"] as const;

export type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O & typeof COMMON; strict: true; allowPositionals: false }>>["values"];

export function helpText(spec: CommandSpec<Options>): string {
  const rows = [...spec.optionHelp, ["--dir <path>", "project directory, holding Pulumi.yaml (default: current directory)"], ["--help, -h", "this text"]];
  const width = Math.max(...rows.map(([flag]) => flag!.length)) + 2;
  return [
    `usage: npm run ${spec.name} -- ${spec.synopsis}`,
    "",
    spec.summary,
    "",
    ...rows.map(([flag, text]) => `  ${flag!.padEnd(width)}${text}`),
    "",
    `Exit status: 0 done, 1 ${spec.failure}, 2 usage mistake (unknown option, missing or unknown stack); problems go to stderr.`,
  ].join("\n");
}

/** Parsed flags, or undefined when --help was asked for (and printed). Throws UsageError. */
export function parseCommand<O extends Options>(spec: CommandSpec<O>, argv: readonly string[]): Values<O> | undefined {
  let values: Values<O>;
  try {
    values = parseArgs({ args: [...argv], options: { ...spec.options, ...COMMON }, strict: true, allowPositionals: false }).values as Values<O>;
  } catch (error) {
    // parseArgs explains itself ("Unknown option '--x'. To specify ..."): keep its first sentence.
    throw new UsageError(`${(error as Error).message.split(". ")[0]} (--help lists the options)`);
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(`${helpText(spec as CommandSpec<Options>)}\n`);
    return undefined;
  }
  return values;
}

/** The project directory of --dir (default: cwd), absolute; it must hold Pulumi.yaml. */
export function projectDirOf(dir: string | undefined): string {
  const resolved = path.resolve(dir ?? process.cwd());
  if (!fs.existsSync(path.join(resolved, "Pulumi.yaml"))) {
    throw new UsageError(`${dir === undefined ? "the current directory" : `--dir ${dir}`} is not a Pulumi project: no Pulumi.yaml in ${resolved}`);
  }
  return resolved;
}

/** `dev`, `Pulumi.dev.yaml` or `./Pulumi.dev.yaml` -> `dev`. */
export function stackName(value: string): string {
  return /^Pulumi\.(.+)\.ya?ml$/.exec(path.basename(value))?.[1] ?? value;
}

/** The stack named by --stack, which must have its Pulumi.<stack>.yaml in the project. */
export function stackOf(projectDir: string, value: string | undefined): string {
  const here = listStacks(projectDir);
  const choices = here.length > 0 ? `stacks here: ${here.join(", ")}` : "no Pulumi.<stack>.yaml here yet";
  if (value === undefined || value === "") throw new UsageError(`--stack is required (${choices})`);
  const stack = stackName(value);
  const file = `Pulumi.${stack}.yaml`;
  if (!fs.existsSync(path.join(projectDir, file))) throw new UsageError(`stack "${stack}": ${file} not found in ${projectDir} (${choices})`);
  return stack;
}

/**
 * Runs a command's main and sets the exit code: a UsageError is one line and exit 2; any other
 * error (a bug) one line and exit 1. Neither prints a stack trace.
 */
export function runCommand(name: string, main: () => number | Promise<number>): void {
  const fail = (error: unknown): void => {
    const usage = error instanceof UsageError;
    process.stderr.write(`${name}: ${usage ? "" : "unexpected failure: "}${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = usage ? EXIT.usage : EXIT.failed;
  };
  try {
    Promise.resolve(main()).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (error) {
    fail(error);
  }
}
