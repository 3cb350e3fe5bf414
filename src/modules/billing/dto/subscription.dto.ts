import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { RequiredWhen } from '../../../core/http/required-when.js';
import {
  SUBSCRIPTION_ITEMS,
  SUBSCRIPTION_STATUSES,
  type SubscriptionItem,
  type SubscriptionStatus,
} from '../schemas/subscription.schema.js';
import { CHANGE_SOURCES, PROVIDERS, type ChangeSource, type ProviderName } from '../schemas/transaction.schema.js';

/** The plan that subscribes to one AI agent. */
const AGENT_PLAN = 'agent';
const PLAN_KEY = /^[a-z][a-z0-9-]{1,49}$/;

@RequiredWhen('agentId', 'plan', [AGENT_PLAN])
export class CreateSubscriptionDto {
  /** Checked against the plan catalogue (GET /api/plans): an unknown or retired plan is 400. */
  @ApiProperty({ pattern: PLAN_KEY.source, example: 'pro', description: 'A plan key of GET /api/plans' }) @Matches(PLAN_KEY) plan: string;
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
  @ApiPropertyOptional({ description: 'The tenant it pays for; absent for a personal subscription' }) tenantId?: string;
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
