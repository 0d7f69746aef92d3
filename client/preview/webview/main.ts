/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The redacted preview's script, running inside the webview. It draws only the rows in view (the
// trace may have millions of lines), asks the extension for the lines it lacks, and builds every
// row from text nodes: trace content is never parsed as HTML, so `<script>` or `onerror=` in a
// trace are shown as characters and run nothing.
import type { PreviewLine, PreviewMode, PreviewOpen, PreviewView } from '../../../shared/protocol';
import type { FromWebview, PreviewSnapshot, ToWebview } from '../messages';

declare function acquireVsCodeApi(): { postMessage(m: FromWebview): void };
const vscode = acquireVsCodeApi();

const ROW_HEIGHT = 20;
/** Browsers cap an element's height (about 33 M px in Chromium); past this the scroll is scaled. */
const MAX_SPACER_PX = 10_000_000;
const PAGE = 200;
const CACHE_LIMIT = 20_000;

const $ = (id: string) => document.getElementById(id)!;
const viewport = $('viewport');
const spacer = $('spacer');
const rows = $('rows');

let info: PreviewOpen.Result | undefined;
let fileName = '';
const cache = new Map<number, PreviewLine>();
/** Lines of the previous generation, shown until the new ones arrive, so a refresh never blanks the view. */
let stale = new Map<number, PreviewLine>();
const requested = new Set<number>();
let pendingSnapshots: Array<{ id: number; afterGeneration?: number }> = [];
/** Rules whose chips are off: their markers are dimmed and next/previous skip them. */
const hidden = new Set<string>();
/** The finding next/previous stand on: an index into activeMarks(), -1 before the first. */
let current = -1;
/** The line whose record the record pane shows (the current finding's, or a clicked line). */
let selectedLine: number | undefined;
/** The marker to outline and scroll into view once its row is drawn: its line and its rank among that line's shown markers. */
let focus: { line: number; rank: number } | undefined;
let layout: 'lines' | 'record' = 'lines';

function el(tag: string, cls?: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderHeader(): void {
  if (!info) return;
  const title = $('title');
  title.replaceChildren(
    el('strong', undefined, fileName),
    el('span', 'muted', ` · ${info.lineCount.toLocaleString()} lines · ${findingsLine(info)}`),
  );
  const counts = $('counts');
  counts.replaceChildren(
    ...info.counts.map((c) => {
      // A chip filters: off, its markers are dimmed and next/previous skip them.
      const chip = el('button', `chip rule-${cssName(c.ruleId)}${hidden.has(c.ruleId) ? ' off' : ''}`, `${c.ruleId} ${c.count}`) as HTMLButtonElement;
      chip.type = 'button';
      chip.dataset.ruleId = c.ruleId;
      chip.title = hidden.has(c.ruleId) ? `Show ${c.ruleId} findings again` : `Hide ${c.ruleId} findings (dimmed, skipped by next/previous)`;
      chip.setAttribute('aria-pressed', String(!hidden.has(c.ruleId)));
      chip.addEventListener('click', () => {
        if (hidden.has(c.ruleId)) hidden.delete(c.ruleId);
        else hidden.add(c.ruleId);
        current = -1;
        renderHeader();
        render();
      });
      return chip;
    }),
  );
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-layout]')) {
    b.classList.toggle('active', b.dataset.layout === layout);
    b.setAttribute('aria-pressed', String(b.dataset.layout === layout));
  }
  renderPosition();
  const problems = $('problems');
  problems.replaceChildren(...info.problems.slice(0, 20).map((p) => el('div', 'problem', p)));
  if (info.problems.length > 20) problems.append(el('div', 'problem', `… and ${info.problems.length - 20} more`));
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-mode]')) {
    b.classList.toggle('active', b.dataset.mode === info.mode);
    b.setAttribute('aria-pressed', String(b.dataset.mode === info.mode));
  }
  renderConfigured(info);
}

/** The title's count: all redacted (tracelint's view), or how many the configuration would store. */
function findingsLine(info: PreviewOpen.Result): string {
  const findings = `${info.total} finding${info.total === 1 ? '' : 's'}`;
  const c = info.configured;
  if (info.view !== 'configured' || c === undefined) return `${findings} redacted`;
  const stored = typeof c === 'string' ? info.total : c.survivors;
  return `${findings}, ${stored} of them stored as they are by your configuration`;
}

/** The `configured` view's header: what the project's configuration lets through, and notes. */
function renderConfigured(i: PreviewOpen.Result): void {
  const view = i.view ?? 'full';
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-view]')) {
    b.classList.toggle('active', b.dataset.view === view);
    b.setAttribute('aria-pressed', String(b.dataset.view === view));
  }
  const box = $('configured');
  const c = i.configured;
  if (view !== 'configured' || c === undefined) return box.replaceChildren();
  if (typeof c === 'string') return box.replaceChildren(el('div', 'survivor-summary', c));
  box.replaceChildren(
    el('div', c.survivors > 0 ? 'survivor-summary' : 'muted', `${c.summary} Read from ${c.describe}.`),
    ...c.notes.map((n) => el('div', 'muted', `Note: ${n}`)),
  );
}

function cssName(ruleId: string): string {
  return ruleId.replace(/[^a-z0-9_-]/gi, '_');
}

/** JSON colouring of plain text: keys, strings, numbers and literals, as text nodes in spans. */
function colour(text: string, into: HTMLElement): void {
  const re = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) into.append(document.createTextNode(text.slice(at, m.index)));
    if (m[1]) {
      into.append(el('span', m[2] ? 'key' : 'str', m[1]));
      if (m[2]) into.append(document.createTextNode(m[2]));
    } else into.append(el('span', m[3] ? 'num' : 'lit', m[0]));
    at = m.index + m[0].length;
  }
  if (at < text.length) into.append(document.createTextNode(text.slice(at)));
}

function renderRow(line: number): HTMLElement {
  const row = el('div', 'row');
  const data = cache.get(line) ?? stale.get(line);
  const gutter = el('span', 'gutter', String(line + 1));
  // Markers can sit far right in a long line: the gutter says which lines hold one.
  if (data?.segments.some((s) => s.ruleId !== undefined)) gutter.classList.add('has-finding');
  row.append(gutter);
  const body = el('span', 'text');
  if (!data) body.append(el('span', 'loading', '…'));
  else {
    for (const s of data.segments) {
      if (s.ruleId === undefined) colour(s.text, body);
      else {
        const marker = el('span', `marker rule-${cssName(s.ruleId)}${s.survives ? ' survivor' : ''}${hidden.has(s.ruleId) ? ' dim' : ''}`, s.text === '' ? '⌫' : s.text);
        marker.title = s.survives
          ? `${s.ruleId}: stored as it is by your configuration${s.reason ? ` (${s.reason})` : ''} — click to reveal in the trace`
          : `${s.ruleId} (line ${(s.line ?? 0) + 1})${s.reason ? `, ${s.reason}` : ''} — click to reveal in the trace`;
        if (s.survives) marker.dataset.survives = 'true';
        marker.dataset.ruleId = s.ruleId;
        if (s.text === '') marker.classList.add('removed');
        marker.addEventListener('click', () =>
          vscode.postMessage({ type: 'reveal', line: s.line ?? line, column: s.column ?? 0, endLine: s.endLine ?? line, endColumn: s.endColumn ?? 0 }),
        );
        body.append(marker);
      }
    }
    if (data.truncated > 0) body.append(el('span', 'muted', ` …(${data.truncated.toLocaleString()} more characters)`));
  }
  row.append(body);
  row.dataset.line = String(line);
  if (line === selectedLine) row.classList.add('selected');
  gutter.addEventListener('click', () => select(line));
  return row;
}

/** The findings next/previous walk: in order, those of the rules whose chips are on. */
function activeMarks(): Array<{ line: number; ruleId: string }> {
  return (info?.marks ?? []).filter((m) => !hidden.has(m.ruleId));
}

function renderPosition(): void {
  if (!info) return;
  const marks = activeMarks();
  const of = info.marks && info.marks.length < info.total ? `${marks.length.toLocaleString()} (the first of ${info.total.toLocaleString()})` : marks.length.toLocaleString();
  $('position').textContent = marks.length === 0 ? 'no finding shown' : current < 0 ? `${of} findings shown` : `finding ${(current + 1).toLocaleString()} of ${of}`;
  for (const id of ['prev', 'next']) ($(id) as HTMLButtonElement).disabled = marks.length === 0;
}

/** Next (+1) or previous (-1) finding: scrolls its line into view and its marker into the middle. */
function step(delta: number): void {
  const marks = activeMarks();
  if (!info || marks.length === 0) return;
  current = current < 0 ? (delta > 0 ? 0 : marks.length - 1) : (current + delta + marks.length) % marks.length;
  const target = marks[current];
  let rank = 0;
  for (let i = current - 1; i >= 0 && marks[i].line === target.line; i--) rank++;
  focus = { line: target.line, rank };
  selectedLine = target.line;
  const { first, count } = visibleRange();
  if (target.line < first || target.line >= first + count - 1) scrollToLine(Math.max(0, target.line - 2));
  renderPosition();
  render();
}

/** Selects a line for the record pane. */
function select(line: number): void {
  selectedLine = line;
  render();
}

/** Outlines the focused marker and scrolls it into view, once its row is drawn with its text. */
function applyFocus(): void {
  for (const m of rows.querySelectorAll('.marker.current')) m.classList.remove('current');
  if (!focus) return;
  const row = rows.querySelector<HTMLElement>(`.row[data-line="${focus.line}"]`);
  const shown = row ? [...row.querySelectorAll<HTMLElement>('.marker:not(.dim)')] : [];
  const marker = shown[focus.rank];
  if (!marker) return;
  marker.classList.add('current');
  // Horizontally: long lines put markers far right. Vertically the row is already in view.
  const box = marker.getBoundingClientRect();
  const view = viewport.getBoundingClientRect();
  if (box.left < view.left + 80 || box.right > view.right - 20) viewport.scrollLeft += box.left - view.left - view.width / 3;
}

/** The record pane: the selected line's JSON, indented, JSON held in strings expanded under `#`, long strings wrapped. */
function renderRecord(): void {
  const pane = $('record');
  pane.hidden = layout !== 'record';
  if (layout !== 'record' || !info) return;
  const line = selectedLine ?? visibleRange().first;
  const data = cache.get(line) ?? stale.get(line);
  const title = el('div', 'record-title', `Line ${line + 1} as a record`);
  if (!data) return pane.replaceChildren(title, el('span', 'loading', '…'));
  const text = data.segments.map((s) => s.text).join('');
  // Markers in the order they appear, each found again in the string that holds it.
  const queue = data.segments.filter((s) => s.ruleId !== undefined && s.text !== '').map((s) => ({ text: s.text, ruleId: s.ruleId!, survives: !!s.survives }));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const raw = el('div', 'raw');
    highlight(data.segments.length ? text : '', raw, queue);
    return pane.replaceChildren(title, el('div', 'muted', data.truncated > 0 ? 'The line is cut (very long): shown as text.' : 'Not JSON: shown as text.'), raw);
  }
  const body = el('div', 'entry top');
  renderValue(value, body, queue);
  pane.replaceChildren(title, body);
  // The current finding's marker, outlined and scrolled into the pane: the record's markers are the
  // line's markers in the same order (those with text; a removed value has none to show).
  if (focus?.line === line) {
    const texts = data.segments.filter((s) => s.ruleId !== undefined);
    const shown = texts.filter((s) => !hidden.has(s.ruleId!));
    const target = shown[focus.rank];
    const nth = target && target.text !== '' ? texts.filter((s) => s.text !== '').indexOf(target) : -1;
    const marker = nth >= 0 ? pane.querySelectorAll<HTMLElement>('.marker')[nth] : undefined;
    if (marker) {
      marker.classList.add('current');
      const box = marker.getBoundingClientRect();
      const view = pane.getBoundingClientRect();
      if (box.top < view.top || box.bottom > view.bottom) pane.scrollTop += box.top - view.top - view.height / 3;
    }
  }
}

/** Appends `text` to `into`, the markers of `queue` it holds (in order) as marker spans. */
function highlight(text: string, into: HTMLElement, queue: Array<{ text: string; ruleId: string; survives: boolean }>): void {
  let at = 0;
  while (queue.length > 0) {
    const found = text.indexOf(queue[0].text, at);
    if (found < 0) break;
    const m = queue.shift()!;
    if (found > at) into.append(document.createTextNode(text.slice(at, found)));
    const marker = el('span', `marker rule-${cssName(m.ruleId)}${m.survives ? ' survivor' : ''}${hidden.has(m.ruleId) ? ' dim' : ''}`, m.text);
    marker.dataset.ruleId = m.ruleId;
    into.append(marker);
    at = found + m.text.length;
  }
  if (at < text.length) into.append(document.createTextNode(text.slice(at)));
}

/** JSON held in a string (a tool's result, an LLM's arguments): an object or array, shown expanded. */
function embedded(s: string): unknown {
  if (!/^\s*[[{]/.test(s)) return undefined;
  try {
    const v = JSON.parse(s);
    return v && typeof v === 'object' ? v : undefined;
  } catch {
    return undefined;
  }
}

function renderValue(value: unknown, into: HTMLElement, queue: Array<{ text: string; ruleId: string; survives: boolean }>): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string') {
      const inner = embedded(value);
      if (inner !== undefined) {
        into.append(el('span', 'embedded', '# JSON in this string'));
        const box = el('div', 'entry');
        renderValue(inner, box, queue);
        into.append(box);
        return;
      }
      const span = el('span', 'str');
      span.append(document.createTextNode('"'));
      highlight(value, span, queue);
      span.append(document.createTextNode('"'));
      into.append(span);
      return;
    }
    into.append(el('span', typeof value === 'number' ? 'num' : 'lit', String(value)));
    return;
  }
  const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return void into.append(el('span', 'lit', Array.isArray(value) ? '[]' : '{}'));
  for (const [k, v] of entries) {
    const entry = el('div', 'entry');
    const key = el('span', 'key');
    highlight(k, key, queue);
    entry.append(key, document.createTextNode(': '));
    renderValue(v, entry, queue);
    into.append(entry);
  }
}

/** Which lines are in view: exact below MAX_SPACER_PX of content, proportional above. */
function visibleRange(): { first: number; count: number; offset: number } {
  const total = info?.lineCount ?? 0;
  const count = Math.ceil(viewport.clientHeight / ROW_HEIGHT) + 1;
  const full = total * ROW_HEIGHT;
  if (full <= MAX_SPACER_PX) {
    const first = Math.floor(viewport.scrollTop / ROW_HEIGHT);
    return { first, count, offset: first * ROW_HEIGHT };
  }
  const scrollable = Math.max(1, MAX_SPACER_PX - viewport.clientHeight);
  const first = Math.floor((viewport.scrollTop / scrollable) * Math.max(0, total - count + 1));
  return { first, count, offset: viewport.scrollTop };
}

/** A line to scroll to once the preview's size is known (a request can come before the first info). */
let pendingScroll: number | undefined;

function render(): void {
  if (!info) return;
  spacer.style.height = `${Math.min(info.lineCount * ROW_HEIGHT, MAX_SPACER_PX)}px`;
  if (pendingScroll !== undefined && info.lineCount > pendingScroll) {
    scrollToLine(pendingScroll);
    pendingScroll = undefined;
  }
  const { first, count, offset } = visibleRange();
  const last = Math.min(info.lineCount, first + count);
  rows.style.transform = `translateY(${offset}px)`;
  const children: HTMLElement[] = [];
  for (let l = first; l < last; l++) children.push(renderRow(l));
  rows.replaceChildren(...children);
  applyFocus();
  renderRecord();
  request(first, last);
  answerSnapshots(first, last);
}

/** Asks for the pages around the view that are not cached or on their way. */
function request(first: number, last: number): void {
  if (!info) return;
  const from = Math.max(0, first - PAGE);
  const to = Math.min(info.lineCount, last + PAGE);
  for (let page = Math.floor(from / PAGE) * PAGE; page < to; page += PAGE) {
    const end = Math.min(page + PAGE, info.lineCount);
    let missing = false;
    for (let l = page; l < end && !missing; l++) missing = !cache.has(l);
    if (missing && !requested.has(page)) {
      requested.add(page);
      vscode.postMessage({ type: 'lines', from: page, to: end });
    }
  }
}

function answerSnapshots(first: number, last: number): void {
  if (pendingSnapshots.length === 0 || !info || pendingScroll !== undefined) return;
  for (let l = first; l < last; l++) if (!cache.has(l)) return;
  const current = info.generation;
  const due = pendingSnapshots.filter((p) => p.afterGeneration === undefined || current > p.afterGeneration);
  if (due.length === 0) return;
  const snapshot: PreviewSnapshot = {
    header: $('header').innerText,
    rows: [...rows.querySelectorAll('.row')].map((r) => `${r.querySelector('.gutter')!.textContent}\t${r.querySelector('.text')!.textContent}`),
    markers: [...rows.querySelectorAll<HTMLElement>('.marker')].map((m) => ({ text: m.textContent ?? '', ruleId: m.dataset.ruleId ?? '', ...(m.dataset.survives ? { survives: true } : {}) })),
    // Trace content is drawn only into #rows and #header, with div, span and strong elements; anything else there came from the content.
    foreignElements: [...document.querySelectorAll('#rows *, #header *, #record *')].filter((e) => !['DIV', 'SPAN', 'STRONG', 'BUTTON'].includes(e.tagName)).length,
    ...(layout === 'record' ? { record: $('record').innerText } : {}),
    position: $('position').textContent ?? '',
    ...currentMarkerState(),
    mode: info.mode,
    view: info.view ?? 'full',
    lineCount: info.lineCount,
    generation: info.generation,
    firstLine: first,
  };
  for (const p of due) vscode.postMessage({ type: 'snapshot', id: p.id, snapshot });
  pendingSnapshots = pendingSnapshots.filter((p) => !due.includes(p));
}

/** The outlined marker (next/previous), whether all of it is inside the viewport, and its text. */
function currentMarkerState(): Pick<PreviewSnapshot, 'current' | 'recordCurrent'> {
  const state = (m: HTMLElement | null, container: HTMLElement) => {
    if (!m) return undefined;
    const box = m.getBoundingClientRect();
    const view = container.getBoundingClientRect();
    const inView = box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom;
    return { text: m.textContent ?? '', ruleId: m.dataset.ruleId ?? '', inView };
  };
  const current = state(rows.querySelector<HTMLElement>('.marker.current'), viewport);
  const recordCurrent = layout === 'record' ? state($('record').querySelector<HTMLElement>('.marker.current'), $('record')) : undefined;
  return { ...(current ? { current } : {}), ...(recordCurrent ? { recordCurrent } : {}) };
}

/** Scrolls so that `line` is the first line in view. */
function scrollToLine(line: number): void {
  const total = info?.lineCount ?? 0;
  if (total * ROW_HEIGHT <= MAX_SPACER_PX) viewport.scrollTop = line * ROW_HEIGHT;
  else {
    const count = Math.ceil(viewport.clientHeight / ROW_HEIGHT) + 1;
    viewport.scrollTop = (line / Math.max(1, total - count + 1)) * Math.max(1, MAX_SPACER_PX - viewport.clientHeight);
  }
}

let frame = 0;
viewport.addEventListener('scroll', () => {
  if (!frame) frame = requestAnimationFrame(() => ((frame = 0), render()));
});
window.addEventListener('resize', () => render());

for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-mode]')) {
  b.addEventListener('click', () => vscode.postMessage({ type: 'mode', mode: b.dataset.mode as PreviewMode }));
}
$('save').addEventListener('click', () => vscode.postMessage({ type: 'save' }));
$('next').addEventListener('click', () => step(1));
$('prev').addEventListener('click', () => step(-1));
function setLayout(l: 'lines' | 'record'): void {
  layout = l;
  renderHeader();
  render();
}
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-layout]')) {
  b.addEventListener('click', () => setLayout(b.dataset.layout === 'record' ? 'record' : 'lines'));
}
// Keys: n / F8 next finding, p / Shift+F8 previous, r the record pane on or off.
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'F8') step(e.shiftKey ? -1 : 1);
  else if (e.key === 'n') step(1);
  else if (e.key === 'p') step(-1);
  else if (e.key === 'r') setLayout(layout === 'record' ? 'lines' : 'record');
  else return;
  e.preventDefault();
});
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-view]')) {
  b.addEventListener('click', () => vscode.postMessage({ type: 'view', view: b.dataset.view as PreviewView }));
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  switch (m.type) {
    case 'info':
      if (!info || m.info.generation !== info.generation || m.info.mode !== info.mode || m.info.view !== info.view || m.info.lineCount !== info.lineCount) {
        stale = new Map(cache);
        cache.clear();
        requested.clear();
      }
      info = m.info;
      fileName = m.fileName;
      renderHeader();
      render();
      break;
    case 'lines':
      if (!info || m.generation !== info.generation) return;
      for (const l of m.lines) {
        cache.set(l.line, l);
        stale.delete(l.line);
      }
      if (cache.size > CACHE_LIMIT) {
        const { first } = visibleRange();
        for (const k of cache.keys()) if (Math.abs(k - first) > CACHE_LIMIT / 2) cache.delete(k);
        requested.clear();
      }
      render();
      break;
    case 'error':
      $('problems').replaceChildren(el('div', 'problem', m.message));
      break;
    case 'snapshot':
      // What the request asks first (layout, chips, next finding), then the answer once drawn.
      if (m.layout) layout = m.layout;
      if (m.hide) {
        // As clicking the chips: next/previous start again.
        for (const r of m.hide) hidden.add(r);
        current = -1;
      }
      if (m.layout || m.hide) renderHeader();
      for (let i = 0; i < (m.steps ?? 0); i++) step(1);
      pendingSnapshots.push({ id: m.id, afterGeneration: m.afterGeneration });
      if (m.line !== undefined) pendingScroll = m.line;
      render();
      break;
  }
});

vscode.postMessage({ type: 'ready' });
