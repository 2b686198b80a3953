// Prints the gzipped JavaScript each first screen loads: the entry chunk with its static imports, plus each
// code-split route. Run after `npm run build`: node scripts/size-report.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const closure = (key, seen = new Set()) => {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const i of chunk.imports ?? []) closure(i, seen);
  return seen;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entry = closure(entryKey);
const sum = (files) => [...files].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gz(f), 0);
console.log(`initial JS (entry ${manifest[entryKey].file} + static imports): ${kb(sum(entry))} gzipped`);
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry) continue;
  const extra = [...closure(key)].filter((f) => !entry.has(f));
  console.log(`  + ${key.replace(/^src\//, '')}: ${kb(sum(extra))} more`);
}
// Whole first screens: the entry plus every chunk their lazy routes load (shared chunks counted once).
const screen = (...keys) => { const all = new Set(entry); for (const k of keys) closure(k, all); return sum(all); };
console.log(`sign-in screen: ${kb(screen('src/pages/LoginPage.tsx'))} gzipped JS in all`);
console.log(`list screen:    ${kb(screen('src/pages/TenantShell.tsx', 'src/pages/ListPage.tsx'))} gzipped JS in all`);
console.log(`record screen:  ${kb(screen('src/pages/TenantShell.tsx', 'src/pages/RecordPage.tsx'))} gzipped JS in all`);
console.log(`dashboard:      ${kb(screen('src/pages/TenantShell.tsx', 'src/dashboards/DashboardPage.tsx', 'src/dashboards/EChart.tsx'))} gzipped JS in all (ECharts in its own chunk)`);
