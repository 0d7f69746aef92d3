// The server side of the redacted preview: a session per trace that knows its lines and the
// findings on each, and hands out redacted lines on request, a window at a time (the webview is
// virtualised). A document the editor holds is read from that text; a file too large for the
// editor to sync is read from disk: a streamed pass records where each line starts, and each
// request reads only the bytes of the lines asked for, so a 100 MB trace never sits in memory.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import type { Finding } from '../../shared/types';
import type { ConfiguredRedaction, PreviewLine, PreviewMode, PreviewOpen, PreviewSegment, PreviewView } from '../../shared/protocol';
import { MAX_PREVIEW_MARKS } from '../../shared/protocol';
import { LineIndex } from '../../shared/positions';

/** Characters of a line sent to the webview; the rest is counted, not sent. */
export const MAX_LINE_CHARS = 4000;

export interface LineSource {
  readonly lineCount: number;
  /** The text of lines [from, to), without their line breaks; `cut` counts what was left unread of a very long line. */
  lines(from: number, to: number): Promise<Array<{ text: string; cut: number }>>;
  close(): Promise<void>;
}

export class TextLines implements LineSource {
  private readonly index: LineIndex;
  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }
  get lineCount(): number {
    return this.index.lineCount;
  }
  async lines(from: number, to: number): Promise<Array<{ text: string; cut: number }>> {
    const out: Array<{ text: string; cut: number }> = [];
    for (let l = from; l < Math.min(to, this.lineCount); l++) {
      const end = l + 1 < this.lineCount ? this.index.lineStart(l + 1) : this.text.length;
      out.push({ text: this.text.slice(this.index.lineStart(l), end).replace(/\r?\n$|\r$/, ''), cut: 0 });
    }
    return out;
  }
  async close(): Promise<void> {}
}

/** Lines of a file on disk, by byte offsets recorded in one streamed pass. */
export class DiskLines implements LineSource {
  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly starts: Float64Array,
    readonly lineCount: number,
    private readonly size: number,
    private readonly endsWithNewline: boolean,
  ) {}

  static async open(path: string): Promise<DiskLines> {
    let starts = new Float64Array(1 << 16);
    let count = 1;
    let offset = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let i = chunk.indexOf(10);
      while (i !== -1) {
        if (count === starts.length) {
          const bigger = new Float64Array(starts.length * 2);
          bigger.set(starts);
          starts = bigger;
        }
        starts[count++] = offset + i + 1;
        i = chunk.indexOf(10, i + 1);
      }
      offset += chunk.length;
    }
    // A final line break ends the last line rather than starting an empty one.
    const endsWithNewline = count > 1 && starts[count - 1] === offset;
    if (endsWithNewline) count--;
    return new DiskLines(await fs.open(path, 'r'), starts.slice(0, count), count, offset, endsWithNewline);
  }

  async lines(from: number, to: number): Promise<Array<{ text: string; cut: number }>> {
    to = Math.min(to, this.lineCount);
    const out: Array<{ text: string; cut: number }> = [];
    for (let l = from; l < to; l++) {
      const ls = this.starts[l];
      // The line's bytes without its line break (the last line may have none).
      const le = l + 1 < this.lineCount ? this.starts[l + 1] - 1 : this.size - (this.endsWithNewline ? 1 : 0);
      // Very long lines are read only as far as the preview shows them (a 2 MB line costs 16 KB).
      const want = Math.min(le - ls, MAX_LINE_CHARS * 4);
      const buf = Buffer.alloc(want);
      await this.handle.read(buf, 0, want, ls);
      out.push({ text: buf.toString('utf8').replace(/\r$/, ''), cut: le - ls - want });
    }
    return out;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** What a finding becomes in each mode; the same rule `tracelint redact` writes by. */
export function replacement(f: Finding, mode: PreviewMode, placeholder: string): string {
  if (mode === 'remove') return '';
  if (mode === 'hash') return `[HASH:${createHash('sha256').update(f.secret ?? '').digest('hex').slice(0, 16)}]`;
  return placeholder;
}

/** How one finding shows in the `configured` view (server/lsp/loop.ts computes it). */
export interface ConfiguredSegment {
  /** What the configuration stores in its place; ignored when it survives (the trace's own text shows). */
  text: string;
  survives: boolean;
  reason?: string;
}

/**
 * The findings the preview redacts: those over secret text. Findings about the file itself (its mode,
 * whether git tracks it) sit at 1:1 with no text and would otherwise show as empty markers there.
 */
function redactable(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.secret !== undefined);
}

export class PreviewSession {
  generation = 0;
  private findings: Finding[];
  private byLine = new Map<number, Finding[]>();
  private view: PreviewView = 'full';
  private overlay?: Map<Finding, ConfiguredSegment>;
  private configured?: ConfiguredRedaction | string;

  constructor(
    readonly uri: string,
    public mode: PreviewMode,
    private source: LineSource,
    findings: Finding[],
    private readonly placeholder: string,
    readonly problems: string[],
  ) {
    this.findings = redactable(findings);
    this.index();
  }

  /** The trace changed (or the mode): new lines and findings, same session. */
  async update(source: LineSource, findings: Finding[], mode: PreviewMode): Promise<void> {
    if (source !== this.source) await this.source.close();
    this.source = source;
    this.findings = redactable(findings);
    this.mode = mode;
    this.generation++;
    this.index();
  }

  /** Switches between tracelint's full redaction and the project's configuration (with its verdicts). */
  setView(view: PreviewView, overlay?: Map<Finding, ConfiguredSegment>, configured?: ConfiguredRedaction | string): void {
    this.view = view;
    this.overlay = view === 'configured' ? overlay : undefined;
    this.configured = view === 'configured' ? configured : undefined;
  }

  private index(): void {
    this.byLine = new Map();
    for (const f of this.findings) {
      for (let l = f.range.line; l <= f.range.endLine; l++) {
        let list = this.byLine.get(l);
        if (!list) this.byLine.set(l, (list = []));
        list.push(f);
      }
    }
    for (const list of this.byLine.values()) list.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  }

  describe(): PreviewOpen.Result {
    const counts = new Map<string, number>();
    for (const f of this.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    return {
      uri: this.uri,
      mode: this.mode,
      lineCount: this.source.lineCount,
      counts: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([ruleId, count]) => ({ ruleId, count })),
      total: this.findings.length,
      marks: [...this.findings]
        .sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column)
        .slice(0, MAX_PREVIEW_MARKS)
        .map((f) => ({ line: f.range.line, ruleId: f.ruleId })),
      problems: this.problems,
      generation: this.generation,
      ...(this.view === 'configured' ? { view: this.view, configured: this.configured } : {}),
    };
  }

  async lines(from: number, to: number): Promise<PreviewLine[]> {
    from = Math.max(0, from);
    to = Math.min(to, from + 2000);
    const texts = await this.source.lines(from, to);
    return texts.map(({ text, cut }, i) => {
      const l = this.redactLine(from + i, text);
      return cut > 0 ? { ...l, truncated: l.truncated + cut } : l;
    });
  }

  /** Splits a line into plain text and markers; a finding spanning lines shows its marker on its first line. */
  redactLine(line: number, text: string): PreviewLine {
    const segments: PreviewSegment[] = [];
    let at = 0;
    for (const f of this.byLine.get(line) ?? []) {
      const start = f.range.line === line ? f.range.column : 0;
      const end = f.range.endLine === line ? f.range.endColumn : text.length;
      if (start < at || start > text.length) continue; // overlapping findings: the first one wins
      if (start > at) segments.push({ text: text.slice(at, start) });
      const o = this.overlay?.get(f);
      const shown = o?.survives ? text.slice(start, Math.min(end, text.length)) : (o?.text ?? replacement(f, this.mode, this.placeholder));
      segments.push({
        ...(o ? { survives: o.survives, ...(o.reason ? { reason: o.reason } : {}) } : {}),
        text: f.range.line === line || o?.survives ? shown : '',
        ruleId: f.ruleId,
        line: f.range.line,
        column: f.range.column,
        endLine: f.range.endLine,
        endColumn: f.range.endColumn,
      });
      at = Math.min(end, text.length);
    }
    if (at < text.length) segments.push({ text: text.slice(at) });
    return clip(line, segments);
  }

  async close(): Promise<void> {
    await this.source.close();
  }
}

/** Cuts a line to MAX_LINE_CHARS, counting what was cut. */
function clip(line: number, segments: PreviewSegment[]): PreviewLine {
  let total = 0;
  for (const s of segments) total += s.text.length;
  if (total <= MAX_LINE_CHARS) return { line, segments, truncated: 0 };
  const kept: PreviewSegment[] = [];
  let room = MAX_LINE_CHARS;
  for (const s of segments) {
    if (room <= 0) break;
    kept.push(s.text.length <= room ? s : { ...s, text: s.text.slice(0, room) });
    room -= s.text.length;
  }
  return { line, segments: kept, truncated: total - MAX_LINE_CHARS };
}
