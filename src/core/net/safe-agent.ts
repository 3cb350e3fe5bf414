import dns, { type LookupAddress } from 'node:dns';
import { Agent, type AgentOptions, type RequestOptions } from 'node:https';
import { isIP, Socket, type LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import { forbiddenAddressReason } from './forbidden-addresses.js';
import { OutboundUrlRefused } from './outbound-url.js';

/** dns.lookup's shape with `all: true`: every address a name resolves to. */
export type Resolver = (
  hostname: string,
  options: { all: true; family?: number; hints?: number },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

// Read at call time, so the resolver is whatever the process's dns module holds then.
const systemResolver: Resolver = (hostname, options, callback) => dns.lookup(hostname, options, callback);

/**
 * A `lookup` for sockets that resolves every address of the name and refuses the connection when
 * any of them is forbidden. The socket connects to the addresses this very lookup checked, so a
 * name that changes its answer between a check and the connection (DNS rebinding) gains nothing.
 */
export function createSafeLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(
      hostname,
      { all: true, family: options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family, hints: options.hints },
      (error, addresses) => {
        if (error) return callback(error, []);
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        for (const { address } of addresses) {
          const reason = forbiddenAddressReason(address);
          if (reason) return callback(new OutboundUrlRefused(`${hostname} resolves to ${address}, which is ${reason}`), []);
        }
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
    );
  };
}

/** A socket that fails as a refused connection does, so the request reports the reason as its error. */
function refusedSocket(error: Error): Socket {
  const socket = new Socket();
  process.nextTick(() => socket.destroy(error));
  return socket;
}

/**
 * An https.Agent whose connections reach public addresses only: names go through the safe lookup,
 * IP literals (which never reach a lookup) are checked here, and Unix sockets are refused.
 */
export class PublicHttpsAgent extends Agent {
  constructor(options: AgentOptions = {}, resolve?: Resolver) {
    super({ ...options, lookup: createSafeLookup(resolve) });
  }

  override createConnection(options: RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    if (options.socketPath) return refusedSocket(new OutboundUrlRefused('connections to local sockets are not allowed'));
    const host = (options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const reason = forbiddenAddressReason(host);
      if (reason) return refusedSocket(new OutboundUrlRefused(`${host} is ${reason}`));
    }
    return super.createConnection(options, callback);
  }
}

let shared: PublicHttpsAgent | undefined;

/** The process-wide agent for outbound https calls to addresses users or tenants chose. */
export function publicHttpsAgent(): PublicHttpsAgent {
  shared ??= new PublicHttpsAgent({ keepAlive: true, maxSockets: 50, timeout: 15_000 });
  return shared;
}
