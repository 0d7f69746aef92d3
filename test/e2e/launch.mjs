// Runs the end-to-end suite in a real VS Code: code-server 4.99.4 (installed by setup.sh into
// .e2e/, outside the project's dependencies) driven by headless Debian Chromium through
// playwright-core. Builds the extension and the suite, copies examples/ into a scratch workspace,
// starts code-server in its own process group with isolated folders, loads the extension under
// development with the suite as extensionTestsPath, takes the screenshots the suite asks for
// (checkpoints), reads the suite's result file and exits non-zero on any failure or timeout.
// Screenshots and logs: test/e2e/.run/ (git-ignored). See /work/shared/vscode-e2e.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { buildSuite } from './build-suite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = join(root, 'test', 'e2e', '.run');
const e2eTools = join(root, '.e2e');
const TIMEOUT_MS = 6 * 60 * 1000;

function step(msg) {
  console.log(`e2e: ${msg}`);
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`e2e: ${cmd} ${args.join(' ')} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

sh('bash', ['test/e2e/setup.sh']);
step('building the extension and the suite');
sh(process.execPath, ['esbuild.mjs']);
rmSync(run, { recursive: true, force: true });
for (const d of ['out', 'workspace', 'screenshots', 'home/data', 'home/ext', 'home/config', 'home/xdg-data', 'tmp']) mkdirSync(join(run, d), { recursive: true });
await buildSuite(root, join(run, 'out'));
// A scratch copy: the tests edit files, and the repository's examples must stay as they are.
cpSync(join(root, 'examples'), join(run, 'workspace'), { recursive: true });

const port = await freePort();
const configFile = join(run, 'home', 'code-server.yaml');
writeFileSync(
  configFile,
  [
    `bind-addr: 127.0.0.1:${port}`,
    'auth: none',
    'cert: false',
    'disable-telemetry: true',
    'disable-update-check: true',
    'disable-workspace-trust: true',
    `user-data-dir: ${join(run, 'home', 'data')}`,
    `extensions-dir: ${join(run, 'home', 'ext')}`,
    '',
  ].join('\n'),
);
mkdirSync(join(run, 'home', 'data', 'User'), { recursive: true });
writeFileSync(
  join(run, 'home', 'data', 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'editor.hover.delay': 100, 'git.openRepositoryInParentFolders': 'never', 'git.enabled': false, 'workbench.tips.enabled': false }),
);
const resultFile = join(run, 'result.json');
const env = {
  ...process.env,
  TMPDIR: join(run, 'tmp'),
  XDG_CONFIG_HOME: join(run, 'home', 'config'),
  XDG_DATA_HOME: join(run, 'home', 'xdg-data'),
  TRACELINT_E2E_RUN_DIR: run,
  TRACELINT_E2E_RESULT: resultFile,
};
step(`starting code-server on 127.0.0.1:${port}`);
const logFd = (await import('node:fs')).openSync(join(run, 'code-server.log'), 'w');
// detached: its own process group, so that stopping it also stops the extension host and the language server.
const server = spawn(join(e2eTools, 'node_modules', '.bin', 'code-server'), ['--config', configFile, join(run, 'workspace')], {
  cwd: run,
  env,
  detached: true,
  stdio: ['ignore', logFd, logFd],
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
};
process.on('exit', stop);

let browser;
let failedBeforeResult = '';
try {
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('code-server did not start; see test/e2e/.run/code-server.log');
    await new Promise((r) => setTimeout(r, 200));
  }
  const requireFromTools = createRequire(join(e2eTools, 'package.json'));
  const { chromium } = requireFromTools('playwright-core');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(join(run, 'out', 'index.js'))],
  ];
  const url = `${base}/?folder=${encodeURIComponent(join(run, 'workspace'))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  step('opening the workbench in headless Chromium');
  await page.goto(url);

  // A screenshot of the workbench as it is, the mouse out of the way (no hover).
  const shot = (file) => async () => {
    await page.mouse.move(5, 5);
    await page.screenshot({ path: join(run, 'screenshots', file) });
  };
  const checkpoints = {
    // The squiggle under the flagged parameter, with its hover.
    async squiggle() {
      // The suite has put the cursor on the squiggle and asked for its hover (editor.action.showHover).
      const hover = page.locator('.monaco-hover').filter({ hasText: 'tracelint' }).first();
      const shown = await hover.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
      if (!shown) {
        // Slow machine, or the hover was dismissed: ask again with the keyboard (Ctrl+K Ctrl+I, Show Hover).
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        await hover.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => console.error('e2e: no hover appeared; screenshot without it'));
      }
      // Wait for the fade-in to finish so the screenshot shows the hover as a user reads it.
      await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover')].some((h) => getComputedStyle(h).opacity === '1'), null, { timeout: 5_000 }).catch(() => undefined);
      await page.screenshot({ path: join(run, 'screenshots', 'squiggle-hover.png') });
    },
    // The redacted preview beside the trace.
    async preview() {
      await page.mouse.move(5, 5);
      await page.screenshot({ path: join(run, 'screenshots', 'preview.png') });
      // Then a click on the first marker, as a user would, for the suite to see the secret revealed in the trace.
      for (const frame of page.frames()) {
        const marker = frame.locator('#rows .marker').first();
        if (await marker.count().catch(() => 0)) {
          await marker.click();
          break;
        }
      }
    },
    // Next finding: the marker, far right in a long line, outlined and scrolled into view.
    navigate: shot('preview-navigate.png'),
    // The record pane under the rows: the line's record indented, JSON in strings expanded.
    record: shot('preview-record.png'),
    // A detector chip turned off: its markers dimmed, next/previous skip them.
    filtered: shot('preview-filtered.png'),
    // The preview as the project's configuration would store the trace: survivors flagged.
    configured: shot('preview-configured.png'),
  };

  step('running the suite');
  const result = await new Promise((resolve, reject) => {
    const handled = new Set();
    const timer = setTimeout(() => reject(new Error(`no result after ${TIMEOUT_MS / 1000} s; see test/e2e/.run/code-server.log`)), TIMEOUT_MS);
    const poll = async () => {
      if (existsSync(resultFile)) {
        let parsed;
        try {
          parsed = JSON.parse(readFileSync(resultFile, 'utf8'));
        } catch {
          return; // Being written; the rename's event comes next.
        }
        clearTimeout(timer);
        watcher.close();
        return resolve(parsed);
      }
      for (const f of readdirSync(run)) {
        const m = /^checkpoint-(\w+)\.json$/.exec(f);
        if (!m || handled.has(m[1])) continue;
        handled.add(m[1]);
        step(`checkpoint ${m[1]}: screenshot`);
        try {
          if (!checkpoints[m[1]]) throw new Error('no such checkpoint in launch.mjs: no screenshot');
          await checkpoints[m[1]]();
        } catch (e) {
          console.error(`e2e: checkpoint ${m[1]} failed: ${e.message}`);
        }
        writeFileSync(join(run, `checkpoint-${m[1]}.done`), '');
      }
    };
    const watcher = watch(run, () => void poll());
    void poll();
  });
  await page.screenshot({ path: join(run, 'screenshots', 'final.png') });
  for (const t of result.tests) {
    console.log(`${t.state === 'passed' ? 'ok  ' : 'FAIL'} ${t.title} (${t.ms} ms)`);
    if (t.error) console.log(t.error.split('\n').map((l) => `     ${l}`).join('\n'));
  }
  console.log(`e2e: screenshots in ${join('test', 'e2e', '.run', 'screenshots')}`);
  await browser.close();
  stop();
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
} catch (e) {
  failedBeforeResult = e.message;
}
await browser?.close().catch(() => undefined);
stop();
console.error(`e2e: ${failedBeforeResult}`);
try {
  const log = readFileSync(join(run, 'code-server.log'), 'utf8');
  console.error(log.split('\n').slice(-40).join('\n'));
} catch {
  // No log.
}
console.log('0 passed, 1 failed');
process.exit(1);
