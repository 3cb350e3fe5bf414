// Latency at a fixed arrival rate. autocannon's rate options release each second's quota at the start of the second,
// so its "500 req/s" is a burst of 500 every second and its p99 measures how fast a burst drains. Here requests are
// due at evenly spaced moments (an open model, as wrk2 and k6's constant-arrival-rate executor send them), and each
// latency counts from the moment its request was due: a stall shows in every request it holds back, not only in the
// ones already on the wire (coordinated omission).
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

const TIMEOUT_MS = 10_000;

/**
 * Sends `rate` requests per second for `duration` seconds over at most `connections` keep-alive sockets; `request`
 * is one `{ method, path, headers, body }` or a function that draws each. Answers
 * `{ p50, p99, errors, non2xx, total, seconds }`: latencies in milliseconds; `errors` counts answers of 300 and
 * above and requests that got none within 10 s; `seconds` runs until the last answer, above `duration` when the
 * server fell behind.
 */
export async function pacedLoad(base, request, { rate, duration, connections }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const next = typeof request === 'function' ? request : () => request;
  const total = Math.round(rate * duration);
  const interval = 1000 / rate;
  const latencies = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now();
  await new Promise((resolve) => {
    let sent = 0;
    let settled = 0;
    const settle = (due, status) => {
      latencies.push(performance.now() - due);
      if (status === undefined || status >= 300) errors++;
      if (status !== undefined && status >= 300) non2xx++;
      if (++settled === total) resolve();
    };
    const send = (due) => {
      const { method, path, headers, body } = next();
      let answered = false;
      const once = (status) => {
        if (answered) return;
        answered = true;
        settle(due, status);
      };
      const outgoing = httpRequest(new URL(path, base), { agent, method, headers, timeout: TIMEOUT_MS }, (answer) => {
        answer.resume();
        answer.on('end', () => once(answer.statusCode));
        answer.on('error', () => once());
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('no answer in time')));
      outgoing.on('error', () => once());
      outgoing.end(body);
    };
    const tick = () => {
      // A late timer sends everything that has fallen due, each still timed from its own due moment.
      while (sent < total && start + sent * interval <= performance.now()) send(start + sent++ * interval);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (share) => Number(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))].toFixed(1));
  return { p50: at(0.5), p99: at(0.99), errors, non2xx, total, seconds: (performance.now() - start) / 1000 };
}
