// Called by the host's build (platform/Platform.Host/Platform.Host.csproj): npm ci when node_modules is stale, then
// vite build into dist/. A directory lock keeps parallel project builds from running npm in this folder at once.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, '.build-lock');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const holderAlive = () => {
  try { process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0); return true; }
  catch (e) { return e.code === 'EPERM'; }
};
let waited = 0;
for (;;) {
  try { mkdirSync(lock); writeFileSync(join(lock, 'pid'), String(process.pid)); break; } catch {
    // A lock whose process is gone was left by a killed build (give a new holder a moment to write its pid).
    try { if (!holderAlive() && Date.now() - statSync(lock).mtimeMs > 2000) { rmSync(lock, { recursive: true, force: true }); continue; } } catch { continue; }
    if (waited === 0) console.log('build-web: waiting for another build of the web app');
    sleep(500); waited += 500;
  }
}
const release = () => rmSync(lock, { recursive: true, force: true });
process.on('exit', release);
try {
  const run = (cmd) => { console.log(`build-web: ${cmd}`); execSync(cmd, { cwd: root, stdio: 'inherit' }); };
  const marker = join(root, 'node_modules', '.package-lock.json');
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs;
  if (stale) run('npm ci --no-audit --no-fund');
  run('npm run build');
} catch (e) {
  console.error(`build-web: ${e.message}`);
  process.exit(1);
}
