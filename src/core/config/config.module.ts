import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.js';
import { validateEnvironment } from './environment.js';

@Global()
@Module({
  imports: [ConfigModule.forRoot({ validate: validateEnvironment, cache: true, ignoreEnvFile: false, envFilePath: ['.env'] })],
  providers: [AppConfig],
  exports: [AppConfig],
})
export class AppConfigModule {}
