import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.js';
import { validateEnvironment } from './environment.js';

@Global()
@Module({})
export class AppConfigModule {
  /** Reads and validates the environment when the application is created, not when this file is imported. */
  static register(): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          validate: validateEnvironment,
          cache: true,
          envFilePath: ['.env'],
          // Tests set their environment explicitly; a developer's .env must not leak into them.
          ignoreEnvFile: process.env.NODE_ENV === 'test',
        }),
      ],
      providers: [AppConfig],
      exports: [AppConfig],
    };
  }
}
