// Command-line options of the benchmark; a bad value exits with status 2.
import { parseArgs } from 'node:util';

const MODES = ['standalone', 'distributed'];
const COUNTS = ['requests', 'concurrency', 'rate', 'seconds', 'events'];

export const USAGE =
  'npm run bench -- [--modes standalone,distributed] [--rate 200] ' +
  '[--seconds 15] [--events 20000] [--requests 20000] [--concurrency 64] ' +
  '[--cpu-prof DIR]';

/**
 * --modes: which modes to run (default both); --rate/--seconds: the paced
 * phase; --events: native events published to Kafka (distributed);
 * --requests/--concurrency: the standalone saturation phase; --cpu-prof:
 * a directory for the standalone product's CPU profile.
 */
export function readOptions(argv = process.argv.slice(2)) {
  const { values } = parse(argv);
  const options = { modes: values.modes.split(',').map((m) => m.trim()) };
  for (const name of COUNTS) {
    options[name] = Number(values[name]);
    if (!Number.isInteger(options[name]) || options[name] < 1) {
      fail(`--${name} must be a positive integer`);
    }
  }
  const unknown = options.modes.filter((m) => !MODES.includes(m));
  if (unknown.length > 0 || options.modes.length === 0) {
    fail(`--modes takes ${MODES.join(', ')} (comma-separated)`);
  }
  if (values['cpu-prof']) options.cpuProf = values['cpu-prof'];
  return options;
}

function parse(argv) {
  try {
    return parseArgs({
      args: argv,
      options: {
        modes: { type: 'string', default: MODES.join(',') },
        rate: { type: 'string', default: '200' },
        seconds: { type: 'string', default: '15' },
        events: { type: 'string', default: '20000' },
        requests: { type: 'string', default: '20000' },
        concurrency: { type: 'string', default: '64' },
        'cpu-prof': { type: 'string' },
      },
    });
  } catch (error) {
    return fail(error.message);
  }
}

function fail(message) {
  console.error(`${message}\nusage: ${USAGE}`);
  process.exit(2);
}
