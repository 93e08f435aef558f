import { execFile } from 'node:child_process';

export class CommandFailedError extends Error {
  readonly code = 'COMMAND_FAILED';

  constructor(
    readonly command: string,
    readonly output: string,
    cause: unknown,
  ) {
    super(`${command} failed:\n${output.trim()}`, { cause });
    this.name = 'CommandFailedError';
  }
}

/** Runs a command to completion; a failure carries its stdout and stderr. */
export function runCommand(
  file: string,
  args: string[],
  options: { cwd: string; timeoutMs?: number; env?: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 300_000,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const command = [file, ...args].join(' ');
        reject(new CommandFailedError(command, `${stdout}${stderr}`, error));
      },
    );
  });
}
