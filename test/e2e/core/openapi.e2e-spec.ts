import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';

type Operation = {
  summary?: string;
  tags?: string[];
  responses: Record<string, { content?: Record<string, unknown> }>;
  security?: unknown[];
};

interface UploadOperation {
  requestBody: {
    content: Record<
      string,
      { schema: { required: string[]; properties: Record<string, Record<string, unknown>>; additionalProperties: unknown } }
    >;
  };
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let document: { openapi: string; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http().get('/docs-json')).body;
  });
  afterAll(() => t?.close());

  it('is a valid OpenAPI 3 document', async () => {
    expect(document.openapi).toMatch(/^3\./);
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, JSON.stringify('errors' in result ? result.errors : [], null, 2)).toBe(true);
  });

  it('documents every API route the server answers', async () => {
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const served = t.routes.filter((route) => route.split(' ')[1].startsWith('/api/'));
    expect(served.length).toBeGreaterThan(10);
    const missing = served.filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
  });

  it('gives every operation a summary, a tag, a success schema and problem responses', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(operation.summary, where).toBeTruthy();
        expect(operation.tags?.length, where).toBeGreaterThan(0);
        const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
        expect(success.length, where).toBeGreaterThan(0);
        expect(operation.responses['503']?.content?.['application/problem+json'], where).toBeTruthy();
        if (path.includes('{')) expect(operation.responses['400'], where).toBeTruthy();
      }
    }
  });

  it('marks protected operations with bearer auth and public ones without', () => {
    expect(document.paths['/api/users/me'].get.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/auth/login'].post.security).toBeUndefined();
    expect(document.paths['/api/users/me'].get.responses['401']).toBeTruthy();
    // A public route that identifies a caller who sends a token: security is optional there.
    expect(document.paths['/api/suggestions'].get.security).toEqual([{}, { bearer: [] }]);
    expect(document.paths['/api/suggestions'].get.responses['401']).toBeTruthy();
  });

  it('states an upload form from its fields DTO, with the file part last', () => {
    const form = (document.paths['/api/careers/applications/upload'].post as unknown as UploadOperation).requestBody.content[
      'multipart/form-data'
    ].schema;
    expect(form.required).toEqual(['postingId', 'name', 'email', 'file']);
    expect(form.properties.name).toMatchObject({ minLength: 2, maxLength: 200 });
    expect(form.properties.phone.pattern).toBeTruthy();
    expect(form.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(form.additionalProperties).toBe(false);
  });

  it('states each validator of the request DTOs as schema keywords', () => {
    const schemas = (document as unknown as { components: { schemas: Record<string, Record<string, unknown>> } }).components.schemas;
    const query = (path: string, name: string) =>
      (document.paths[path].get as unknown as { parameters: { name: string; schema: Record<string, unknown> }[] }).parameters.find(
        (p) => p.name === name,
      )?.schema;
    expect(query('/api/payments', 'page')).toMatchObject({ type: 'integer', minimum: 1, maximum: 10_000 });
    expect(query('/api/payments', 'limit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    const payment = schemas.CreatePaymentDto as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(payment.required.sort()).toEqual(['amount', 'currency']);
    expect(payment.properties.amount).toMatchObject({ type: 'integer', minimum: 1 });
    expect(payment.properties.currency.enum).toContain('EUR');
    expect(payment.properties.userId).toMatchObject({ pattern: '^[0-9a-fA-F]{24}$' });
    expect(schemas.RegisterDto.properties).toMatchObject({ password: { type: 'string', minLength: 10, maxLength: 128 } });
    // Exactly one way of naming recipients.
    expect(schemas.SendNotificationDto.oneOf).toEqual([{ required: ['userIds'] }, { required: ['role'] }]);
    // The agent plan needs its agent.
    expect(schemas.CreateSubscriptionDto.anyOf).toEqual([
      { properties: { plan: { not: { enum: ['agent'] } } } },
      { required: ['agentId'] },
    ]);
    // A class that responses use too gets its own exact request copy; the response schema stays as it was.
    expect(schemas.BillingDetailsInputDto.additionalProperties).toBe(false);
    expect(schemas.BillingDetailsDto.additionalProperties).toBeUndefined();
  });

  it('states the Idempotency-Key header format the server checks', () => {
    const header = (
      document.paths['/api/payments/intent'].post as unknown as { parameters: { name: string; schema: object }[] }
    ).parameters.find((p) => p.name === 'Idempotency-Key');
    expect(header?.schema).toEqual({ type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,255}$' });
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await t.http().get('/docs').redirects(1);
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger-ui');
  });
});
