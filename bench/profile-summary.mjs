// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): self time by package and by function,
// so the largest costs of a scenario can be read off without a profiler UI.
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const top = Number(values.top);

// Boot (module loading, compiling, index builds) is not what a scenario measures: count from the first
// sample that serves a request (under Node's HTTP parser) onwards.
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
const servesRequest = (id) => {
  for (let current = id; current !== undefined; current = parentOf.get(current)) {
    if (nodeById.get(current).callFrame.functionName === 'parserOnHeadersComplete') return true;
  }
  return false;
};
const firstServing = profile.samples.findIndex(servesRequest);

// Self time per node: samples are node ids, timeDeltas the microseconds before each sample.
const selfMicros = new Map();
profile.samples.forEach((id, index) => {
  if (index >= firstServing) selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...selfMicros.values()].reduce((sum, micros) => sum + micros, 0);

/** The package a frame belongs to: node_modules/<name> (scoped names kept), our dist/ tree, or the runtime. */
function packageOf(url) {
  if (!url) return '(native / runtime)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const dist = url.indexOf('/dist/');
  if (dist >= 0)
    return `atrium ${url
      .slice(dist + 6)
      .split('/')
      .slice(0, 2)
      .join('/')}`;
  return url.replace(/^file:\/\//, '');
}

const byPackage = new Map();
const byFunction = new Map();
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  if (!micros) continue;
  const frame = node.callFrame;
  const name = frame.functionName || '(anonymous)';
  const where = packageOf(frame.url);
  const special = ['(garbage collector)', '(idle)', '(program)'].includes(name);
  const pkg = special ? name : where;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
  const key = special ? name : `${name}  ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
}

const busy = total - (byPackage.get('(idle)') ?? 0);
const print = (title, map) => {
  console.log(`\n${title} (share of busy time, ${(busy / 1e6).toFixed(1)} s busy of ${(total / 1e6).toFixed(1)} s)`);
  for (const [key, micros] of [...map]
    .filter(([key]) => key !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)) {
    console.log(`${((100 * micros) / busy).toFixed(1).padStart(6)}%  ${key}`);
  }
};
print('Self time by package', byPackage);
print('Self time by function', byFunction);

// Inclusive time of our own functions (each frame's subtree, counted once per stack), where a flat
// self-time list hides that one call of ours spends its time inside a library.
const inclusive = new Map();
const subtree = new Map();
const subtreeMicros = (id) => {
  if (subtree.has(id)) return subtree.get(id);
  let micros = selfMicros.get(id) ?? 0;
  for (const child of nodeById.get(id).children ?? []) micros += subtreeMicros(child);
  subtree.set(id, micros);
  return micros;
};
const ours = (node) => packageOf(node.callFrame.url).startsWith('atrium ');
const label = (node) =>
  `${node.callFrame.functionName || '(anonymous)'}  ${packageOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
for (const node of profile.nodes) {
  if (!ours(node)) continue;
  // Counted at the outermost frame of the same function on the stack only.
  let nested = false;
  for (let up = parentOf.get(node.id); up !== undefined; up = parentOf.get(up)) if (label(nodeById.get(up)) === label(node)) nested = true;
  if (!nested) inclusive.set(label(node), (inclusive.get(label(node)) ?? 0) + subtreeMicros(node.id));
}
print('Inclusive time of our functions', inclusive);
