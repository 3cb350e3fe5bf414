import { Global, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';
import { AccessAudit } from './access-audit.js';
import { AccountGate } from './account-gate.js';
import { AccountStateCache } from './account-state.cache.js';
import { AuthGuard } from './auth.guard.js';
import { PermissionPolicy } from './permission-policy.js';
import { TokenVerifier } from './token-verifier.js';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verification, which costs more than the HMAC itself.
        secret: createSecretKey(Buffer.from(config.get('JWT_SECRET'))) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: config.get('JWT_ACCESS_TTL_SECONDS') },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [TokenVerifier, AuthGuard, AccessAudit, PermissionPolicy, AccountStateCache, AccountGate],
  exports: [TokenVerifier, AuthGuard, PermissionPolicy, AccountStateCache],
})
export class AuthCoreModule {}
