#!/usr/bin/env node
// Installs what the project needs, and only what is missing or out of date, so that the
// README's two commands work on a machine that never saw the project and are quick after.
// Plain Node with no dependencies: it runs before node_modules exists.
//
//   node scripts/setup.mjs          npm packages, the dbt venv, the dashboards bundle
//   node scripts/setup.mjs --test   the same, plus Debian's chromium for browser tests
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampDir = join(root, 'node_modules', '.rabt-setup');
const forTests = process.argv.includes('--test');
const started = Date.now();

function say(message) {
  process.stdout.write(`› ${message}\n`);
}

function fail(message, hint) {
  process.stderr.write(`\n✗ ${message}\n${hint ? `  What to do: ${hint}\n` : ''}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`could not start ${command}: ${result.error.message}`, options.hint);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`, options.hint);
}

function hashFiles(paths) {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(relative(root, path));
    hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

function listFiles(dir, skip = new Set(['node_modules', 'dist'])) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (skip.has(entry.name)) return [];
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path, skip) : [path];
    });
}

// A stamp records the input hash a step last succeeded with; a step reruns when it changed.
function isCurrent(name, hash) {
  const stamp = join(stampDir, name);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
}

function markCurrent(name, hash) {
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(join(stampDir, name), hash);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Node ${process.versions.node} is too old; Rabt needs Node 20.19 or newer.`, 'install Node 20 LTS.');
  }
}

function ensureNpmPackages() {
  const lockHash = hashFiles([join(root, 'package-lock.json')]);
  if (existsSync(join(root, 'node_modules')) && isCurrent('npm', lockHash)) return;
  say('Installing npm packages from package-lock.json (first run: about a minute)…');
  // Not `npm ci`: npm 11 writes locks holding only this platform's optional binaries
  // (DuckDB, Rollup) and `npm ci` then rejects its own lock as out of sync.
  // `npm install` installs the locked versions just the same.
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    // Cube Store's post-install would fetch a binary from the internet; Rabt does not use it.
    env: { ...process.env, CUBESTORE_SKIP_POST_INSTALL: '1' },
    hint: 'check that the npm registry is reachable, then run the command again.',
  });
  markCurrent('npm', hashFiles([join(root, 'package-lock.json')]));
}

function ensurePythonVenv() {
  const requirements = join(root, 'transform', 'requirements.txt');
  const venv = join(root, '.venv');
  const dbt = join(venv, 'bin', 'dbt');
  const hash = hashFiles([requirements]);
  if (existsSync(dbt) && isCurrent('venv', hash)) return;
  const python = process.env.RABT_PYTHON ?? 'python3';
  const version = spawnSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
  if (version.status !== 0) fail(`${python} was not found.`, 'install Python 3.10+ with venv, or set RABT_PYTHON.');
  const [major, minor] = version.stdout.trim().split('.').map(Number);
  if (major < 3 || (major === 3 && minor < 10))
    fail(`Python ${version.stdout.trim()} is too old for dbt 1.11.`, 'install Python 3.10 or newer.');
  say(`Creating the Python venv for dbt in .venv (Python ${version.stdout.trim()}, pinned dbt-core and dbt-duckdb)…`);
  if (!existsSync(join(venv, 'bin', 'python'))) {
    run(python, ['-m', 'venv', venv], { hint: 'install the python3-venv package (apt-get install python3-venv).' });
  }
  // -qq: warnings about the machine's own pip configuration are not the user's to act on; errors still print.
  run(join(venv, 'bin', 'pip'), ['install', '-qq', '--disable-pip-version-check', '-r', requirements], {
    hint: 'check that PyPI is reachable, then run the command again.',
  });
  markCurrent('venv', hash);
}

function ensureDashboardsBundle() {
  const sources = [
    ...listFiles(join(root, 'dashboards')).filter((path) => !path.includes(`${join('dashboards', 'e2e')}`)),
    join(root, 'package-lock.json'),
  ];
  const hash = hashFiles(sources);
  if (existsSync(join(root, 'dashboards', 'dist', 'index.html')) && isCurrent('dashboards', hash)) return;
  say('Building the dashboards bundle (vite)…');
  run('npm', ['run', '--silent', 'build:dashboards'], { hint: 'run `npm run build:dashboards` to see the error.' });
  markCurrent('dashboards', hash);
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  say("Installing Debian's chromium for the browser tests…");
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = asRoot ? [] : ['sudo'];
  const apt = (args) =>
    run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(asRoot ? [] : ['apt-get']), ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      hint: 'install it yourself with `apt-get install chromium` (Debian), then run the tests again.',
    });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'chromium']);
}

checkNode();
ensureNpmPackages();
ensurePythonVenv();
ensureDashboardsBundle();
if (forTests) ensureChromium();
const seconds = ((Date.now() - started) / 1000).toFixed(1);
say(`Set-up complete (${seconds} s).`);
