import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdempotencyCompletion } from './idempotency-completion.js';
import { IdempotencyKey, IdempotencyKeySchema } from './idempotency-key.schema.js';
import { IdempotencyKeys } from './idempotency-keys.js';
import { IdempotencyGuard } from './idempotency.guard.js';

/** Idempotency-Key support for any context's money-moving POSTs (@Idempotent()). */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: IdempotencyKey.name, schema: IdempotencyKeySchema }])],
  providers: [IdempotencyKeys, IdempotencyGuard, IdempotencyCompletion],
  exports: [MongooseModule, IdempotencyKeys, IdempotencyGuard],
})
export class IdempotencyModule {}
