// Progress on stderr for long scans: only when stderr is a terminal (never in CI logs or pipes),
// only after the scan has run for a moment, redrawn at most a few times a second, erased at the end.
export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly delayMs = 1000) {}

  private get enabled(): boolean {
    return Boolean(this.stream.isTTY);
  }

  update(done: number, total: number | undefined, current: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.last < 150) return;
    this.last = now;
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    const count = total !== undefined ? `${done}/${total}` : `${done}`;
    let line = `tracelint: scanning ${count} files  ${current}`;
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    this.stream.write(`\r\u001b[2K${line}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
