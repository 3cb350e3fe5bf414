import cliProgress from 'cli-progress';

/** A progress bar on a terminal, a line per collection elsewhere (CI logs). */
export class SeedProgress {
  private bar?: cliProgress.SingleBar;
  private label = '';
  private total = 0;
  private done = 0;

  start(label: string, total: number): void {
    this.label = label;
    this.total = total;
    this.done = 0;
    if (process.stdout.isTTY) {
      this.bar = new cliProgress.SingleBar(
        { format: `${label.padEnd(12)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0);
    }
  }

  advance(count: number): void {
    this.done += count;
    this.bar?.update(this.done);
  }

  stop(): void {
    if (this.bar) this.bar.stop();
    else console.log(`${this.label}: ${this.done}/${this.total}`);
  }
}
