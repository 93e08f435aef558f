// The printed result: tables for people (the saturation phase, then both
// modes side by side) and one JSON line with every figure for tools.
import { cpus, loadavg, totalmem } from 'node:os';
import { printSaturation, saturationFigures } from './saturation-report.mjs';
import { AIMS, modeRows } from './modes-report.mjs';
import { printColumns, round } from './stats.mjs';

export function printReport(input) {
  const { options, standalone, distributed } = input;
  const figures = {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage1m: {
      start: round(input.loadAtStart, 2),
      end: round(loadavg()[0], 2),
    },
    node: process.version,
    options,
    aims: AIMS,
    standalone: standaloneFigures(standalone, options),
    distributed,
  };
  if (figures.standalone?.saturation) {
    printSaturation(figures.standalone.saturation, standalone.peakRssMiB);
  }
  const modes = { standalone: figures.standalone, distributed };
  const shown = options.modes.filter((mode) => modes[mode]);
  printColumns(
    `Modes side by side (paced phase: ${options.rate}/s offered for ` +
      `${options.seconds} s, open loop)`,
    ['', ...shown],
    modeRows(shown.map((mode) => modes[mode])),
  );
  for (const mode of shown) {
    const { skipped, failed } = modes[mode];
    if (skipped) console.log(`\n${mode} mode skipped: ${skipped}`);
    if (failed) console.log(`\n${mode} mode failed: ${failed}`);
  }
  const { start, end } = figures.loadAverage1m;
  console.log(`\nload average (1 min): ${start} at start, ${end} at end`);
  console.log(`\n${JSON.stringify(figures)}`);
}

function standaloneFigures(standalone, options) {
  if (!standalone || standalone.skipped || standalone.failed) return standalone;
  const { saturation, ...rest } = standalone;
  return { ...rest, saturation: saturationFigures(saturation, options) };
}

function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
  };
}
