import { Body, Controller, Get, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { BillingReportsService } from './billing-reports.service.js';
import { CardDataGuard } from './card-data.guard.js';
import { BillingSummaryDto, ChangePaymentStatusDto, CreatePaymentDto, PaymentQueryDto, TransactionDto } from './dto/transaction.dto.js';
import { PaymentsService } from './payments.service.js';
import { CreatePaymentIntent } from './use-cases/create-payment-intent.js';

const TransactionPage = PageOf(TransactionDto);

/** Seed 003's billing routes over the same transactions as /api/payments. */
@ApiTags('billing')
@Controller('billing')
@UseGuards(CardDataGuard)
export class BillingController {
  constructor(
    private readonly createIntent: CreatePaymentIntent,
    private readonly payments: PaymentsService,
    private readonly reports: BillingReportsService,
  ) {}

  @Post('transactions')
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Record a transaction (a pending payment with its provider intent); staff may record for a user' })
  @ApiCreatedResponse({ type: TransactionDto })
  @ApiProblem(403, 'Only staff may record a payment for another user')
  @ApiProblem(502, 'The payment provider failed')
  record(@Ctx() ctx: RequestContext, @Body() body: CreatePaymentDto): Promise<TransactionDto> {
    return this.createIntent.execute(ctx, body);
  }

  @Get('transactions/user/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'A user’s transactions (the user themself, or staff)' })
  @ApiOkResponse({ type: TransactionPage })
  @ApiProblem(404, 'No such user, or not yours to see')
  listForUser(
    @Ctx() ctx: RequestContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: PaymentQueryDto,
  ): Promise<Page<TransactionDto>> {
    return this.payments.listForUser(ctx, userId, query);
  }

  @Get('transactions/:transactionId')
  @Authenticated()
  @ApiOperation({ summary: 'A transaction with its audit trail' })
  @ApiOkResponse({ type: TransactionDto })
  @ApiProblem(404, 'No such transaction, or not yours to see')
  get(@Ctx() ctx: RequestContext, @Param('transactionId', ObjectIdPipe) id: string): Promise<TransactionDto> {
    return this.payments.get(ctx, id);
  }

  @Patch('transactions/:id/status')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Change a transaction’s status (staff; never the payer). Illegal moves are 409' })
  @ApiOkResponse({ type: TransactionDto })
  @ApiProblem(404, 'No such transaction')
  @ApiProblem(409, 'The lifecycle does not allow this move')
  changeStatus(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ChangePaymentStatusDto,
  ): Promise<TransactionDto> {
    return this.payments.changeStatus(ctx, id, body.status, body.reason);
  }

  @Get('summary/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'Totals by status, currency and month (the user themself, or staff)' })
  @ApiOkResponse({ type: BillingSummaryDto })
  @ApiProblem(404, 'No such user, or not yours to see')
  summary(@Ctx() ctx: RequestContext, @Param('userId', ObjectIdPipe) userId: string): Promise<BillingSummaryDto> {
    return this.reports.summary(ctx, userId);
  }
}
