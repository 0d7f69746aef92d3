// command_line_credential: passwords and tokens passed on a command line, in a command string
// (`docker login -u ci -p 'S3cr3t#pw' registry`) or an argv array (`["sshpass", "-p", "pw", "ssh", …]`,
// where the value is the next element: the trace reader hands the elements before it as `ctx.argv`).
// Each short flag is read only after the command that documents it that way, since `-p` is a port
// for ssh and a path elsewhere:
//   docker / podman / nerdctl / buildah / skopeo / helm / oras `login`: `-p <password>` (their
//     `login --help`: `-p, --password string`);
//   sshpass: `-p <password>` (and `-p<password>`, getopt);
//   mysql, mysqldump, mysqladmin, mysqlimport, mariadb…: `-p<password>` attached only, and
//     `--password=<password>` (MySQL's manual: without a value both prompt, the next word is the database);
//   redis-cli: `-a <password>`; mongosh / mongo / mongodump / mongorestore…: `-p <password>`;
//   curl: `-u` / `--user` / `-U` / `--proxy-user` `user:password` (the part after the first `:`;
//     without one curl prompts), `--oauth2-bearer <token>`; smbclient: `-U user%password`;
//   zip / unzip: `-P <password>` (their man pages); 7-Zip: `-p<password>` attached (its -p switch);
//   sqlcmd / bcp: `-P <password>` (and `-P<password>`); az `login`: `-p <password>`;
//   htpasswd `-b`: the password is the last operand (`htpasswd -b[c] file user password`, with `-n`
//     `htpasswd -nb user password`; the Apache manual's synopsis);
//   openssl: `-k <password>` (enc and the cipher commands) and `-pass` / `-passin` / `-passout`
//     `pass:<password>` (openssl-passphrase-options: `env:`, `file:`, `fd:`, `stdin` hold none).
// Long flags that name a credential (`--password`, `--token`, `--api-key`, `--client-secret`, judged
// by the same key names as the text rules, so `--password-stdin`, `--token-file` are not) take the
// next word or `=value` with any command. Environment assignments whose names glue the word
// (`PGPASSWORD=…`, `SSHPASS=…`, `REDISCLI_AUTH=…`) count too, before a command or after `export`,
// `declare`, `typeset`, `readonly`, `local`. Only the value is reported.
import { isStandInValue } from './assignment';
import { CREDENTIAL_FLAGS, hasRawKeyPrefix, shortFlagsHold } from './raw-prefixes';
import type { Candidate, DetectContext, Detector } from './types';

const LOGIN_TOOLS = new Set(['docker', 'podman', 'nerdctl', 'buildah', 'skopeo', 'helm', 'oras', 'finch', 'az']);
const ZIP_TOOLS = new Set(['zip', 'unzip', 'zipcloak']);
const SEVEN_ZIP = new Set(['7z', '7za', '7zr', '7zz']);
const SQLCMD_TOOLS = new Set(['sqlcmd', 'bcp', 'osql']);
const MYSQL_TOOLS = new Set(['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlshow', 'mysqlcheck', 'mariadb', 'mariadb-dump', 'mariadb-admin']);
const MONGO_TOOLS = new Set(['mongosh', 'mongo', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop']);
/** Environment variables holding a password whose name glues the word (`PGPASSWORD`). */
const PASSWORD_ENV = new Set(['PGPASSWORD', 'SSHPASS', 'REDISCLI_AUTH', 'MYSQL_PWD', 'ANSIBLE_BECOME_PASS', 'SUDO_PASSWORD', 'RCLONE_CONFIG_PASS']);

/** Shell builtins whose `NAME=value` operands set variables (`export PGPASSWORD=…`). */
const SETTERS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);
/** openssl's options that take a pass phrase source (`pass:<password>`). */
const OPENSSL_PASS = new Set(['-pass', '-passin', '-passout']);

const PLACEHOLDER_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'yourpassword', 'your_password', 'mypassword']);

/** One shell word: its raw span and the span of its content without surrounding quotes. */
interface Word {
  start: number;
  end: number;
  vs: number;
  ve: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * The commands in `text` as lists of words, split at newlines, `;`, `|` and `&` outside quotes.
 * Quotes group (`'a b'`), a backslash escapes the next character; a word that is one quoted string
 * has its content span inside the quotes.
 */
function commandsIn(text: string, from = 0, to = text.length): Word[][] {
  const out: Word[][] = [];
  let cur: Word[] = [];
  let i = from;
  const n = to;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 59 || c === 124 || c === 38) {
      if (cur.length) out.push(cur);
      cur = [];
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let quote = 0;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (quote) {
        if (d === quote) quote = 0;
        else if (d === 92 && quote === 34) i++;
      } else if (d === 34 || d === 39) quote = d;
      else if (d === 92) i++;
      else if (isSpace(d) || d === 10 || d === 13 || d === 59 || d === 124 || d === 38) break;
      i++;
    }
    const end = Math.min(i, n);
    cur.push(unquoted(text, start, end));
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A word with its content span: inside the quotes when the whole word is one quoted string. */
function unquoted(text: string, start: number, end: number): Word {
  const q = text.charCodeAt(start);
  if (end - start >= 2 && (q === 34 || q === 39) && text.charCodeAt(end - 1) === q) return { start, end, vs: start + 1, ve: end - 1 };
  return { start, end, vs: start, ve: end };
}

function baseName(s: string): string {
  const slash = s.lastIndexOf('/');
  return slash >= 0 ? s.slice(slash + 1) : s;
}

/** A value worth reporting: not empty, not a stand-in (`$PASS`, `${X}`, `<password>`, `****`), not a flag. */
function isSecretValue(v: string): boolean {
  if (v.length < 3 || isStandInValue(v)) return false;
  const c0 = v.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 60 /* < */ || c0 === 91 /* [ */ || v.includes('${') || v.includes('$(')) return false;
  return !PLACEHOLDER_WORDS.has(v.toLowerCase());
}

/** The command a word list runs: its first word after `sudo`, `env`, `time` and VAR=value prefixes. */
function commandIndex(words: readonly string[]): number {
  let k = 0;
  while (k < words.length) {
    const w = words[k];
    if (w === 'sudo' || w === 'env' || w === 'time' || w === 'exec' || w === 'nohup') k++;
    // A shell prompt: `$`, `#`, `>`, `sh-5.0$`, `root@box:~#`.
    else if (w.endsWith('$') || w.endsWith('#') || w.endsWith('>')) k++;
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) k++;
    else break;
  }
  return k;
}

/** What a word list holds: spans of credentials, found by flag and command, reported into `emit`. */
function scanWords(words: readonly string[], spanOf: (i: number) => [number, number], from: number, emit: (s: number, e: number) => void): void {
  const ci = commandIndex(words);
  const cmd = ci < words.length ? baseName(words[ci]) : '';
  const hasLogin = LOGIN_TOOLS.has(cmd) && words.includes('login');
  const report = (i: number, offset = 0) => {
    if (i < from) return;
    const [s, e] = spanOf(i);
    const w = words[i];
    let a = offset;
    let b = w.length;
    // `--password='x y'`: the quotes around the value are not part of it.
    const q = w.charCodeAt(a);
    if (b - a >= 2 && (q === 34 || q === 39) && w.charCodeAt(b - 1) === q) {
      a++;
      b--;
    }
    if (isSecretValue(w.slice(a, b))) emit(s + a, e - (w.length - b));
  };
  const userPass = (i: number, sep: string, offset = 0) => {
    if (i < from || i >= words.length) return;
    const w = words[i];
    // `-u <user:password>`: a template of the usage line.
    const c0 = w.charCodeAt(offset);
    if (c0 === 60 || c0 === 91 || c0 === 123) return;
    const k = w.indexOf(sep, offset);
    // `-u test:test`: a documented default, not a leaked password.
    if (k >= 0 && k + 1 < w.length && w.slice(k + 1) !== w.slice(offset, k)) report(i, k + 1);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // PGPASSWORD=… before the command, or set by `export`.
    const eq = w.indexOf('=');
    if ((i < ci || (i > ci && SETTERS.has(cmd))) && eq > 0 && PASSWORD_ENV.has(w.slice(0, eq))) report(i, eq + 1);
    if (w.charCodeAt(0) !== 45 /* - */ || w.length < 2) continue;
    if (cmd === 'openssl') {
      if (w === '-k' && i + 1 < words.length) report(i + 1);
      else if (OPENSSL_PASS.has(w) && i + 1 < words.length && words[i + 1].startsWith('pass:')) report(i + 1, 5);
      continue;
    }
    if (w.charCodeAt(1) === 45) {
      // --flag value / --flag=value
      const name = eq > 0 ? w.slice(2, eq) : w.slice(2);
      if (name === 'user' || name === 'proxy-user') {
        if (cmd === 'curl') {
          if (eq > 0) userPass(i, ':', eq + 1);
          else userPass(i + 1, ':');
        }
        continue;
      }
      if (!CREDENTIAL_FLAGS.matches(name)) continue;
      if (eq > 0) report(i, eq + 1);
      // MySQL's `--password` takes its value only after `=`: without one it prompts.
      else if (i + 1 < words.length && !MYSQL_TOOLS.has(cmd)) report(i + 1);
      continue;
    }
    const flag = w[1];
    const attached = w.length > 2;
    if (cmd === 'curl' && (flag === 'u' || flag === 'U')) {
      if (attached) userPass(i, ':', 2);
      else userPass(i + 1, ':');
    } else if (cmd === 'smbclient' && flag === 'U') {
      if (attached) userPass(i, '%', 2);
      else userPass(i + 1, '%');
    } else if (flag === 'p' && MYSQL_TOOLS.has(cmd)) {
      if (attached) report(i, 2);
    } else if (flag === 'p' && (hasLogin || cmd === 'sshpass' || MONGO_TOOLS.has(cmd))) {
      if (attached) {
        if (cmd === 'sshpass') report(i, 2);
      } else if (i + 1 < words.length) report(i + 1);
    } else if (flag === 'a' && cmd === 'redis-cli' && !attached && i + 1 < words.length) report(i + 1);
    else if (flag === 'P' && (ZIP_TOOLS.has(cmd) || SQLCMD_TOOLS.has(cmd))) {
      if (!attached) {
        if (i + 1 < words.length) report(i + 1);
      } else if (SQLCMD_TOOLS.has(cmd)) report(i, 2);
    } else if (flag === 'p' && attached && SEVEN_ZIP.has(cmd)) report(i, 2);
  }
  if (cmd === 'htpasswd') {
    const password = htpasswdPassword(words, ci);
    if (password >= 0) report(password);
  }
}

/**
 * The index of the password operand of `htpasswd -b` (`htpasswd -b[cmBdps] file user password`,
 * `htpasswd -nb user password`), or -1: without `-b` htpasswd prompts for it.
 */
function htpasswdPassword(words: readonly string[], ci: number): number {
  const operands: number[] = [];
  let batch = false;
  let noFile = false;
  for (let i = ci + 1; i < words.length; i++) {
    const w = words[i];
    if (w.charCodeAt(0) === 45 && w.length > 1 && w.charCodeAt(1) !== 45) {
      batch ||= w.includes('b');
      noFile ||= w.includes('n');
      if (w === '-r' || w === '-C') i++; // rounds, cost: a number follows
    } else operands.push(i);
  }
  if (!batch) return -1;
  return operands[noFile ? 1 : 2] ?? -1;
}

/**
 * Where a flag may start (`-p`, `-a`, `-u`, `-U`, `-P`, `--…`, openssl's `-k`, htpasswd's `-b…`/`-nb`
 * at a word start) or a `PASS=`-style variable is set, in order.
 */
function anchorsIn(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('-'); i !== -1; i = text.indexOf('-', i + 1)) {
    const b = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (b !== 32 && b !== 34 && b !== 39 && b !== 9 && b !== 10 && b !== 13 && b !== 61 && b !== 40) continue;
    const c = text.charCodeAt(i + 1);
    const flag = c === 112 || c === 97 || c === 117 || c === 85 || c === 80 || c === 45 || c === 107; // p a u U P - k
    if (flag || shortFlagsHold(text, i + 1, 98 /* b */)) out.push(i);
    if (c === 45) i++;
  }
  for (let i = text.indexOf('='); i !== -1; i = text.indexOf('=', i + 1)) {
    const w = text.slice(Math.max(0, i - 4), i);
    if (w === 'PASS' || w.endsWith('PWD') || w === 'WORD' || w === 'AUTH') out.push(i);
  }
  return out.sort((x, y) => x - y);
}

/** The line holding `at`, widened over `\` line continuations on both sides. */
function lineAround(text: string, at: number): [number, number] {
  let from = text.lastIndexOf('\n', at - 1) + 1;
  while (from >= 2 && text.charCodeAt(from - 2) === 92) from = text.lastIndexOf('\n', from - 2) + 1;
  let to = text.indexOf('\n', at);
  while (to > 0 && text.charCodeAt(to - 1) === 92) to = text.indexOf('\n', to + 1);
  return [from, to < 0 ? text.length : to];
}

/** Cheap test that a text may hold a command line this detector reads: a credential flag or a password variable. */
const TEXT_GATE = hasRawKeyPrefix;

export const commandLineCredential: Detector = {
  name: 'command_line_credential',
  description: 'A password or token passed on a command line (docker login -p, mysql -p…, sshpass -p, curl -u user:password, zip -P, sqlcmd -P, htpasswd -b, openssl -k, --password, --token, PGPASSWORD=…), in a command string or an argv array.',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: [
      "docker login -u deploy -p 'S3cr3t#pw' registry.example.com",
      'mysql -u root -pS3cr3tPw9 -h db.internal orders',
      "sshpass -p 'Falcon-42x' ssh admin@10.0.0.5",
      'curl -u alice:Falcon-42x https://api.example.com/v1/me',
      'PGPASSWORD=Falcon-42x psql -h db -U app',
      'deploy --api-key 9f8e7d6c5b4a3f2e1d0c --region eu',
      'export PGPASSWORD=Falcon-42x',
      'htpasswd -bc /etc/nginx/.htpasswd admin Falcon-42x',
      'openssl enc -aes-256-cbc -salt -in backup.tar -out backup.enc -pass pass:Falcon-42x',
      'zip -r -P Falcon-42x backup.zip data/',
      "sqlcmd -S db.internal -U sa -P 'Falcon-42x!' -Q 'SELECT 1'",
    ],
    negative: [
      'ssh -p 2222 admin@host',
      'mkdir -p /tmp/build',
      'mysql -u root -p orders',
      'docker login --password-stdin -u ci registry',
      'curl -u "$USER:$PASS" https://x',
      'app --token-file /run/secrets/token',
      'htpasswd -c /etc/nginx/.htpasswd admin',
      'openssl enc -aes-256-cbc -in a -out b -pass env:BACKUP_PASS',
      'rsync -avP src/ backup@host:/srv/backup/',
    ],
  },
  patterns: [],
  rawHint: String.raw`(?:^|[\s"'=(]|\n)-(?:[pauU]|-)|(?:PASS|PWD|WORD|AUTH)=`,
  rawCheck: hasRawKeyPrefix,
  minLength: 8,
  find(text: string, ctx: DetectContext, out: Candidate[]): void {
    const emit = (s: number, e: number) => out.push({ detector: 'command_line_credential', start: s, end: e });
    const argv = ctx.argv;
    if (argv !== undefined && argv.length > 0) {
      // The value is the next argv element: judged after the elements before it, reported whole.
      const words = [...argv, text];
      const at = words.length - 1;
      scanWords(words, (i) => (i === at ? [0, text.length] : [0, 0]), at, emit);
      // A flag or one `NAME=value` word is judged as an argument only; an element holding a script
      // (`bash -lc "PGPASSWORD=… psql …"`) is read as a command line too.
      if (text.charCodeAt(0) === 45 || (text.indexOf('=') > 0 && !/\s/.test(text))) return;
    }
    if (!TEXT_GATE(text)) return;
    // Only the lines (with their `\` continuations) that hold a flag or a password variable are
    // split into words: tool output is long and mostly no command.
    let done = -1;
    for (const a of anchorsIn(text)) {
      if (a < done) continue;
      const [from, to] = lineAround(text, a);
      done = to;
      for (const cmd of commandsIn(text, from, to)) {
        const words = cmd.map((w) => text.slice(w.vs, w.ve));
        scanWords(words, (i) => [cmd[i].vs, cmd[i].ve], 0, emit);
      }
    }
  },
};
