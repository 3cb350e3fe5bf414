import { Body, Controller, Get, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Roles } from '../../core/auth/access.decorators.js';
import type { Actor } from '../../core/auth/roles.js';
import { Client, type ClientInfo } from '../../core/http/client-info.js';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { BillingReportsService } from './billing-reports.service.js';
import { CardDataGuard } from './card-data.guard.js';
import { BillingSummaryDto, ChangeStatusDto, CreatePaymentDto, PaymentQueryDto, TransactionDto } from './dto/transaction.dto.js';
import { TransactionsService } from './transactions.service.js';

const TransactionPage = PageOf(TransactionDto);

/** Seed 003's billing routes over the same transactions as /api/payments. */
@ApiTags('billing')
@Controller('billing')
@UseGuards(CardDataGuard)
export class BillingController {
  constructor(
    private readonly transactions: TransactionsService,
    private readonly reports: BillingReportsService,
  ) {}

  @Post('transactions')
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Record a transaction (a pending payment with its provider intent); staff may record for a user' })
  @ApiCreatedResponse({ type: TransactionDto })
  @ApiProblem(403, 'Only staff may record a payment for another user')
  @ApiProblem(502, 'The payment provider failed')
  record(@CurrentUser() actor: Actor, @Body() body: CreatePaymentDto, @Client() client: ClientInfo): Promise<TransactionDto> {
    return this.transactions.create(actor, body, client);
  }

  @Get('transactions/user/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'A user’s transactions (the user themself, or staff)' })
  @ApiOkResponse({ type: TransactionPage })
  listForUser(
    @CurrentUser() actor: Actor,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: PaymentQueryDto,
  ): Promise<Page<TransactionDto>> {
    return this.transactions.list(actor, userId, query);
  }

  @Get('transactions/:transactionId')
  @Authenticated()
  @ApiOperation({ summary: 'A transaction with its audit trail' })
  @ApiOkResponse({ type: TransactionDto })
  get(@CurrentUser() actor: Actor, @Param('transactionId', ObjectIdPipe) id: string): Promise<TransactionDto> {
    return this.transactions.get(actor, id);
  }

  @Patch('transactions/:id/status')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Change a transaction’s status (staff; never the payer). Illegal moves are 409' })
  @ApiOkResponse({ type: TransactionDto })
  @ApiProblem(409, 'The lifecycle does not allow this move')
  changeStatus(
    @CurrentUser() actor: Actor,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ChangeStatusDto,
    @Client() client: ClientInfo,
  ): Promise<TransactionDto> {
    return this.transactions.changeStatus(actor, id, body.status, body.reason, client);
  }

  @Get('summary/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'Totals by status, currency and month (the user themself, or staff)' })
  @ApiOkResponse({ type: BillingSummaryDto })
  summary(@CurrentUser() actor: Actor, @Param('userId', ObjectIdPipe) userId: string): Promise<BillingSummaryDto> {
    return this.reports.summary(actor, userId);
  }
}
