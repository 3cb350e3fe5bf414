import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';

/** Requests no route matched share one label, so scanners cannot grow the series without bound. */
export const UNMATCHED_ROUTE = 'unmatched';

/** From 5 ms (a cached read) to 10 s (past any sane request), denser where API latencies live. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The route label: the matched template (`/api/users/:id`), never the concrete path. */
export function routeLabel(request: FastifyRequest): string {
  return request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
}

/** Request durations by route template and requests in flight, recorded by two Fastify hooks. */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;
  /** A plain number on the hot path; the gauge reads it when scraped. */
  private inFlight = 0;

  constructor(metrics: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to sending its answer, by method, route template and status.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [metrics.registry],
    });
    const requests = () => this.inFlight;
    new Gauge({
      name: 'http_requests_in_flight',
      help: 'Requests received and not yet answered.',
      registers: [metrics.registry],
      collect() {
        this.set(requests());
      },
    });
  }

  /**
   * Counted out when the response closes, not in onResponse: a client that hangs up before its answer
   * (even after sending its whole request) never reaches onResponse, and the gauge would only grow.
   */
  readonly onRequest = (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    this.inFlight++;
    reply.raw.on('close', this.requestClosed);
    done();
  };

  readonly onResponse = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    this.duration.observe({ method: request.method, route: routeLabel(request), status_code: reply.statusCode }, reply.elapsedTime / 1000);
    done();
  };

  /** One function for every response, so listening costs no closure per request. */
  private readonly requestClosed = (): void => {
    this.inFlight--;
  };
}
