import { UnauthorizedException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../config/app-config.js';
import { sendProblem } from '../http/problem.filter.js';
import { HttpMetrics } from './http-metrics.js';
import { MetricsRegistry } from './metrics-registry.js';
import { bearerTokenCheck } from './metrics-token.js';

export const METRICS_PATH = '/metrics';

/**
 * The request hooks and GET /metrics, when METRICS_TOKEN is set; unset, metrics are off: no hooks on
 * the hot path and /metrics is unknown (404). Call before the other request hooks, so that every
 * request, even one another hook answers early, is counted in flight.
 */
export function registerMetrics(app: NestFastifyApplication): void {
  const token = app.get(AppConfig).get('METRICS_TOKEN');
  if (!token) return;
  const fastify = app.getHttpAdapter().getInstance();
  const http = app.get(HttpMetrics);
  fastify.addHook('onRequest', http.onRequest);
  fastify.addHook('onResponse', http.onResponse);

  const { registry } = app.get(MetricsRegistry);
  const authorized = bearerTokenCheck(token);
  // A Fastify route rather than a Nest controller: Prometheus text is not part of the JSON API, so it stays
  // out of the OpenAPI document and its authorization matrix (its access is tested in metrics.e2e-spec.ts),
  // and a scrape skips the guards, pipes and interceptors made for API calls.
  fastify.get(METRICS_PATH, async (request, reply) => {
    if (!authorized(request.headers.authorization)) {
      reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      sendProblem(new UnauthorizedException('The metrics token is missing or wrong.'), request, reply);
      return reply;
    }
    try {
      const body = await registry.metrics();
      return reply.header('Content-Type', registry.contentType).header('Cache-Control', 'no-store').send(body);
    } catch (error) {
      sendProblem(error, request, reply);
      return reply;
    }
  });
}
