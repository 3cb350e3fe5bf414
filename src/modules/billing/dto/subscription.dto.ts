import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PLAN_KEYS } from '../plans.js';
import {
  SUBSCRIPTION_ITEMS,
  SUBSCRIPTION_STATUSES,
  type SubscriptionItem,
  type SubscriptionStatus,
} from '../schemas/subscription.schema.js';
import { PROVIDERS, type ProviderName } from '../schemas/transaction.schema.js';

export class CreateSubscriptionDto {
  @ApiProperty({ enum: PLAN_KEYS }) @IsIn(PLAN_KEYS) plan: string;
  @ApiPropertyOptional({ description: 'Required for the agent plan: the agent subscribed to', pattern: '^[A-Za-z0-9_-]{1,100}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/)
  agentId?: string;
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
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
