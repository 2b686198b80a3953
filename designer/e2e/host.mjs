// Starts a throwaway platform host for the browser tests: the solution's Release build (tests/run builds
// Platform.sln first), a free port, a temp data directory, a known admin password; serves designer/dist at /app/.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const designer = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(designer, '..');

/** Builds dist/ (vite) when it is missing or older than a source, so the tests never run a stale app. */
function buildIfStale() {
  const index = join(designer, 'dist/index.html');
  const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((m, e) =>
    Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  const sources = Math.max(newest(join(designer, 'src')), statSync(join(designer, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('e2e: building the web app (dist/ is missing or stale)');
  execSync('node scripts/build-web.mjs', { cwd: designer, stdio: 'inherit' }); // shares the host build's lock
}

export const ADMIN_PASSWORD = 'E2e-Admin-pass-1!';

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
    s.on('error', rej);
  });
}

/** Starts a host; `{ web: false }` serves the API only (no web app build), for tests that are API clients. */
export async function startHost({ web = true } = {}) {
  if (process.env.E2E_BASE_URL) return { url: process.env.E2E_BASE_URL, stop: async () => {} };
  const dll = join(repo, 'platform/Platform.Host/bin/Release/net10.0/Platform.Host.dll');
  if (!existsSync(dll)) throw new Error(`The host is not built (${dll}); run: dotnet build Platform.sln -c Release`);
  if (web) buildIfStale();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'platform-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', ['run', '--project', join(repo, 'platform/Platform.Host'), '--no-build', '-c', 'Release', '--',
    '--urls', url, '--data-dir', dataDir, ...(web ? ['--webapp:path', join(designer, 'dist')] : [])], {
    cwd: repo, env: { ...process.env, PLATFORM_ADMIN_PASSWORD: ADMIN_PASSWORD, ASPNETCORE_ENVIRONMENT: 'Production', Logging__LogLevel__Default: 'Warning' },
    stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const stop = async () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    await new Promise((r) => setTimeout(r, 500));
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    rmSync(dataDir, { recursive: true, force: true });
  };
  // If the test process dies without calling stop (a crash, Ctrl-C), the host goes with it.
  const killNow = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.on('exit', killNow);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { killNow(); process.exit(130); });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) { await stop(); throw new Error(`host exited (${child.exitCode}):\n${log.slice(-3000)}`); }
    try { const r = await fetch(`${url}/health`); if (r.ok) return { url, stop, log: () => log }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`host did not become ready in 180 s:\n${log.slice(-3000)}`);
}
