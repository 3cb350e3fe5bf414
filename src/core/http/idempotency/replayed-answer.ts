import type { FastifyReply } from 'fastify';

/**
 * The stored answer of an earlier request with the same Idempotency-Key. Thrown by the idempotency guard so
 * that the handler does not run again; the exception filter sends it as it was first sent, marked replayed.
 */
export class ReplayedAnswer extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    super('replayed answer');
  }

  send(reply: FastifyReply): void {
    void reply
      .status(this.statusCode)
      .header('Idempotent-Replayed', 'true')
      .header('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify(this.body));
  }
}
