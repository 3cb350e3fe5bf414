// What one synchronous call costs depending on what ran just before it: the same token check (HS256
// with a KeyObject, as both servers do it) back to back, after a turn of the event loop, after a
// database round trip, and after the thread slept. `node bench/cold-code.mjs` (needs `nest build`).
// On a server every request's code runs after such a wait, so the more code a request runs, the more
// of it runs from cold caches: this is why the same library functions cost more per request in
// Atrium's profile than in the baseline's (see bench/README.md, "What is left").
import { createSecretKey } from 'node:crypto';
import { setImmediate } from 'node:timers';
import jwt from 'jsonwebtoken';
import { MongoClient } from 'mongodb';
import { resolveDatabase } from '../dist/core/database/database-target.js';

const key = createSecretKey(Buffer.from('k'.repeat(48)));
const token = jwt.sign({ sub: '65a000000000000000000001', sid: 's', role: 'user' }, key, { algorithm: 'HS256', expiresIn: '15m' });
const verify = () => jwt.verify(token, key, { algorithms: ['HS256'] });

const database = await resolveDatabase({ uri: process.env.MONGODB_URI, log: () => undefined });
const client = await new MongoClient(database.uri).connect();
const users = client.db('atrium_cold_code').collection('users');
const { insertedId } = await users.insertOne({ name: 'probe' });

const CALLS = 3000;
const ROUNDS = 3;

/** Median over the rounds of the mean time of one `verify()` that follows `before()`. */
async function perCall(before) {
  const rounds = [];
  for (let round = 0; round <= ROUNDS; round++) {
    let spent = 0n;
    for (let call = 0; call < CALLS; call++) {
      if (before) await before();
      const start = process.hrtime.bigint();
      verify();
      spent += process.hrtime.bigint() - start;
    }
    // The first round warms the JIT up.
    if (round > 0) rounds.push(Number(spent) / 1000 / CALLS);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
}

const cases = [
  ['back to back', undefined],
  ['after setImmediate (no wait)', () => new Promise((resolve) => setImmediate(resolve))],
  ['after a findOne round trip', () => users.findOne({ _id: insertedId })],
  ['after a 1 ms timer (the thread sleeps)', () => new Promise((resolve) => setTimeout(resolve, 1))],
];
console.log(`jwt.verify, µs per call (median of ${ROUNDS} rounds of ${CALLS} calls)`);
for (const [label, before] of cases) console.log(`  ${label.padEnd(40)} ${(await perCall(before)).toFixed(1)}`);

await client.db('atrium_cold_code').dropDatabase();
await client.close();
await database.stop();
