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
 * `{ p50, p99, errors, non2xx, total, answered, seconds }`: `total` requests sent, `answered` of them with a status
 * (any); `errors` counts answers of 300 and above and requests without an answer within 10 s of falling due;
 * latencies in milliseconds, of the answered requests only (null when none was); `seconds` runs until the last
 * request settled, above `duration` when the server fell behind.
 */
export async function pacedLoad(base, request, { rate, duration, connections }) {
  const total = Math.round(rate * duration);
  if (!(total >= 1)) throw new Error(`rate × duration must come to at least one request (rate ${rate}, duration ${duration})`);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const next = typeof request === 'function' ? request : () => request;
  const interval = 1000 / rate;
  const latencies = [];
  let errors = 0;
  let non2xx = 0;
  const start = performance.now();
  try {
    await new Promise((resolve) => {
      let sent = 0;
      let settled = 0;
      const settle = (due, status) => {
        if (status !== undefined) latencies.push(performance.now() - due);
        if (status === undefined || status >= 300) errors++;
        if (status !== undefined && status >= 300) non2xx++;
        if (++settled === total) resolve();
      };
      const send = (due) => {
        let outgoing;
        // From the moment it fell due, not from when a socket took it: a request queued behind busy sockets times out too.
        const deadline = setTimeout(
          () => outgoing?.destroy(new Error('no answer in time')),
          Math.max(0, due + TIMEOUT_MS - performance.now()),
        );
        let answered = false;
        const once = (status) => {
          if (answered) return;
          answered = true;
          clearTimeout(deadline);
          settle(due, status);
        };
        try {
          const { method, path, headers, body } = next();
          outgoing = httpRequest(new URL(path, base), { agent, method, headers }, (answer) => {
            answer.resume();
            answer.on('end', () => once(answer.statusCode));
            answer.on('error', () => once());
          });
          outgoing.on('error', () => once());
          outgoing.on('close', () => once());
          outgoing.end(body);
        } catch {
          // A request that cannot even be built (a bad header, say) counts as one without an answer.
          once();
        }
      };
      const tick = () => {
        // A late timer sends everything that has fallen due, each still timed from its own due moment.
        while (sent < total && start + sent * interval <= performance.now()) send(start + sent++ * interval);
        if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
      };
      tick();
    });
  } finally {
    agent.destroy();
  }
  latencies.sort((a, b) => a - b);
  const at = (share) =>
    latencies.length ? Number(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))].toFixed(1)) : null;
  const seconds = (performance.now() - start) / 1000;
  return { p50: at(0.5), p99: at(0.99), errors, non2xx, total, answered: latencies.length, seconds };
}
