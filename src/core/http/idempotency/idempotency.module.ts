import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyKey, IdempotencyKeySchema } from './idempotency-key.schema.js';

/** Idempotency-Key support for any context's money-moving POSTs (@Idempotent()). */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: IdempotencyKey.name, schema: IdempotencyKeySchema }])],
  providers: [IdempotencyInterceptor],
  exports: [MongooseModule, IdempotencyInterceptor],
})
export class IdempotencyModule {}
