// The trace scanner as `sqlite.ts` wants it: one store cell at a time. Run documents and other
// JSON cells go through the JSON trace reader (paths relative to the document, positions in the
// cell text); plain text cells through the engine's free-text scan.
import { LineIndex } from '../positions';
import type { Finding } from '../types';
import type { StoreCell, StoreScanner } from './sqlite';
import type { TraceEngine, TraceFormatInfo } from './types';
import { scanTraceText, redactTraceText } from './text';
import { plainTextHits } from './line';
import { makeFinding, utf8Length } from './findings';
import { editsForHits, applyEdits } from '../redact/edits';

const RUN_DOCUMENT: TraceFormatInfo = { format: 'tracecraft', layout: 'document', gzip: false, isTrace: true };
const JSON_DOCUMENT: TraceFormatInfo = { format: 'json', layout: 'document', gzip: false, isTrace: true };

/** A `StoreScanner` over `engine`, for `scanSqliteFile` / `redactSqliteFile`. */
export function traceStoreScanner(engine: TraceEngine): StoreScanner {
  return {
    scan(text: string, cell: StoreCell): Finding[] {
      if (cell.kind !== 'text') return scanTraceText(text, `${cell.table}.${cell.column}`, engine, cell.kind === 'run' ? RUN_DOCUMENT : JSON_DOCUMENT).findings;
      const index = new LineIndex(text);
      return plainTextHits(text, engine).map((h) => {
        const byteStart = utf8Length(text, 0, h.start);
        return makeFinding({ ...h, path: `${cell.table}.${cell.column}` }, undefined, { start: h.start, end: h.end }, index.rangeOf(h.start, h.end), byteStart, byteStart + utf8Length(text, h.start, h.end));
      });
    },
    redact(text: string, cell: StoreCell): string {
      if (cell.kind !== 'text') return redactTraceText(text, engine, `${cell.table}.${cell.column}`, cell.kind === 'run' ? RUN_DOCUMENT : JSON_DOCUMENT).text;
      // Plain text: no JSON escaping around the replacement.
      return applyEdits(text, editsForHits(plainTextHits(text, engine).map((h) => ({ ...h, levels: 0 })), engine));
    },
  };
}
