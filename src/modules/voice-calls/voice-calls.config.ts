import { IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../core/http/text-length.validators.js';
import { IntSetting, readConfigSection } from '../../core/config/config-section.js';
import { DEVELOPMENT_SECRETS } from '../../core/config/published-secrets.js';
import { EnvironmentError } from '../../core/config/environment.js';

/** The published development value of VAPI_WEBHOOK_SECRET; production refuses to start with it. */
export const DEV_VAPI_WEBHOOK_SECRET = DEVELOPMENT_SECRETS.VAPI_WEBHOOK_SECRET;

/** Voice calls' slice of the environment: the Vapi account, the webhook's secrets, the simulator's pace. */
export class VoiceCallsConfig {
  /** Vapi's private API key; set, calls go through Vapi, unset, the embedded simulator places them. */
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  VAPI_API_KEY?: string;

  @Matches(/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/, { message: 'must be a base URL such as https://api.vapi.ai' })
  VAPI_BASE_URL = 'https://api.vapi.ai';

  /** Public URL of POST /api/voice/webhooks/vapi, given to Vapi as the assistant's server URL (vendor adapter only). */
  @IsOptional()
  @Matches(/^https:\/\/[^\s]+$/, { message: 'must be an https URL' })
  VAPI_SERVER_URL?: string;

  /** The secret Vapi sends in x-vapi-secret with every server message: the vendor adapter gives it as a header of the assistant's server. */
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  VAPI_WEBHOOK_SECRET: string = DEV_VAPI_WEBHOOK_SECRET;

  /**
   * The Vapi credential the assistant's server uses: with VAPI_WEBHOOK_HMAC, a custom credential whose HMAC plan
   * signs with that secret (SHA-256, hex, `{timestamp}.{body}`, headers x-vapi-signature and x-vapi-timestamp).
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'must be a Vapi credential id' })
  VAPI_SERVER_CREDENTIAL_ID?: string;

  /** Optional HMAC secret: when set, messages must also carry x-vapi-signature over timestamp + body. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  VAPI_WEBHOOK_HMAC?: string;

  /** How far a signed message's timestamp may be from now, in seconds. */
  @IntSetting({ min: 10, max: 3600 }) VAPI_WEBHOOK_TOLERANCE_SECONDS = 300;

  /** Milliseconds between the embedded simulator's server messages. */
  @IntSetting({ min: 0, max: 60_000 }) VAPI_EMBEDDED_STEP_MS = 150;

  /** Longest a call may last; the sweeper fails calls in flight for longer (their slot is freed). */
  @IntSetting({ min: 1, max: 240 }) VOICE_MAX_CALL_MINUTES = 30;

  /** How often the stuck-call sweeper runs, in seconds. */
  @IntSetting({ min: 5, max: 3600 }) VOICE_SWEEP_EVERY_SECONDS = 60;
}

/** The section, refusing the published webhook secret in production (anyone could forge call outcomes). */
export const voiceCallsConfigProvider = {
  provide: VoiceCallsConfig,
  useFactory: (): VoiceCallsConfig => {
    const config = Object.assign(new VoiceCallsConfig(), readConfigSection(VoiceCallsConfig));
    if (process.env.NODE_ENV === 'production' && config.VAPI_WEBHOOK_SECRET === DEV_VAPI_WEBHOOK_SECRET)
      throw new EnvironmentError('Invalid environment: VAPI_WEBHOOK_SECRET must be set in production (the default is published)');
    // Vapi signs server messages only through a credential's HMAC plan: without one, every message would be refused.
    if (config.VAPI_API_KEY && config.VAPI_WEBHOOK_HMAC && !config.VAPI_SERVER_CREDENTIAL_ID)
      throw new EnvironmentError(
        'Invalid environment: VAPI_WEBHOOK_HMAC with VAPI_API_KEY needs VAPI_SERVER_CREDENTIAL_ID (the Vapi credential that signs with it)',
      );
    return config;
  },
};
