// The printed result: tables for people (the saturation phase, then both
// modes side by side) and one JSON line with every figure for tools.
import { cpus, totalmem } from 'node:os';
import { printSaturation, saturationFigures } from './saturation-report.mjs';
import { AIMS, modeRows } from './modes-report.mjs';
import { printColumns, round } from './stats.mjs';

export function printReport({ options, standalone, distributed }) {
  const figures = {
    date: new Date().toISOString(),
    machine: machine(),
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
