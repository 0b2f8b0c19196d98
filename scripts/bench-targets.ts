// A benchmark's targets: each figure is checked against its limit as it is
// measured, and the last line says whether all were met or which were
// missed; a missed target makes the exit status 1, so a script or CI that
// runs the benchmark sees it (the figure is still printed: it is not a test,
// and the machine's load is part of it).
export class Targets {
  private readonly missed: string[] = [];
  private checked = 0;

  constructor(private readonly script: string) {}

  /** Check `value` against `limit` (at most). */
  atMost(what: string, value: number, limit: number, unit = ''): void {
    this.checked++;
    const u = unit ? ` ${unit}` : '';
    if (!(value <= limit)) this.missed.push(`${what} ${round(value)}${u} > ${limit}${u}`);
  }

  /** Print the last line and set the exit status. */
  finish(): void {
    if (this.missed.length) {
      console.log(`${this.script}: MISSED ${this.missed.length} of ${this.checked} targets: ${this.missed.join('; ')}`);
      process.exitCode = 1;
    } else {
      console.log(`${this.script}: all ${this.checked} targets met`);
    }
  }
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}
