import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { RequiredWhen } from '../../../core/http/required-when.js';
import { PLAN_KEYS, PLANS } from '../plans.js';
import {
  SUBSCRIPTION_ITEMS,
  SUBSCRIPTION_STATUSES,
  type SubscriptionItem,
  type SubscriptionStatus,
} from '../schemas/subscription.schema.js';
import { CHANGE_SOURCES, PROVIDERS, type ChangeSource, type ProviderName } from '../schemas/transaction.schema.js';

const AGENT_PLANS = PLAN_KEYS.filter((key) => PLANS[key].itemType === 'agent');

@RequiredWhen('agentId', 'plan', AGENT_PLANS)
export class CreateSubscriptionDto {
  @ApiProperty({ enum: PLAN_KEYS }) @IsIn(PLAN_KEYS) plan: string;
  @ApiPropertyOptional({ description: 'Required for the agent plan: the agent subscribed to', pattern: '^[A-Za-z0-9_-]{1,100}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/)
  agentId?: string;
}

export class SubscriptionChangeDto {
  @ApiPropertyOptional({ enum: SUBSCRIPTION_STATUSES, nullable: true }) from?: SubscriptionStatus | null;
  @ApiProperty({ enum: SUBSCRIPTION_STATUSES }) to: SubscriptionStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: CHANGE_SOURCES }) source: ChangeSource;
  @ApiPropertyOptional() actorId?: string;
  @ApiPropertyOptional({ description: 'The provider event that made the change' }) eventId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The provider’s time of that event' }) eventAt?: string;
}

export class SubscriptionDto {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: SUBSCRIPTION_ITEMS }) itemType: SubscriptionItem;
  @ApiProperty() itemId: string;
  @ApiProperty() plan: string;
  @ApiProperty() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: ['month', 'year'] }) interval: 'month' | 'year';
  @ApiProperty({ enum: SUBSCRIPTION_STATUSES }) status: SubscriptionStatus;
  @ApiProperty({ format: 'date-time' }) currentPeriodStart: string;
  @ApiProperty({ format: 'date-time' }) currentPeriodEnd: string;
  @ApiProperty() cancelAtPeriodEnd: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) canceledAt?: string;
  @ApiProperty({ enum: PROVIDERS }) provider: ProviderName;
  @ApiPropertyOptional() providerSubscriptionId?: string;
  @ApiProperty({ type: SubscriptionChangeDto, isArray: true, description: 'Every change applied, oldest first' })
  audit: SubscriptionChangeDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
