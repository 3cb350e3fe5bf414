import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Roles } from '../../core/auth/access.decorators.js';
import type { Actor } from '../../core/auth/roles.js';
import { Client, type ClientInfo } from '../../core/http/client-info.js';
import { Idempotent } from '../../core/http/idempotency/idempotent.decorator.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { BillingReportsService } from './billing-reports.service.js';
import { CardDataGuard } from './card-data.guard.js';
import { InvoiceDto } from './dto/invoice.dto.js';
import { CreatePaymentMethodDto, PaymentMethodDto } from './dto/payment-method.dto.js';
import {
  ConfirmPaymentDto,
  CreatePaymentDto,
  PaymentQueryDto,
  PaymentStatisticsDto,
  RefundPaymentDto,
  StatisticsQueryDto,
  TransactionDto,
} from './dto/transaction.dto.js';
import { PaymentsService } from './payments.service.js';
import { PaymentMethodsService } from './payment-methods.service.js';

const TransactionPage = PageOf(TransactionDto);

/** Seed 004's payment routes. */
@ApiTags('payments')
@Controller('payments')
@UseGuards(CardDataGuard)
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly methods: PaymentMethodsService,
    private readonly reports: BillingReportsService,
  ) {}

  @Post('intent')
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Create a payment intent (a pending payment); answers the client secret' })
  @ApiCreatedResponse({ type: TransactionDto })
  @ApiProblem(403, 'Only staff may record a payment for another user')
  @ApiProblem(502, 'The payment provider failed')
  createIntent(@CurrentUser() actor: Actor, @Body() body: CreatePaymentDto, @Client() client: ClientInfo): Promise<TransactionDto> {
    return this.payments.createIntent(actor, body, client);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'My payment history: filter by status, type, date range and amount' })
  @ApiOkResponse({ type: TransactionPage })
  history(@CurrentUser() actor: Actor, @Query() query: PaymentQueryDto): Promise<Page<TransactionDto>> {
    return this.payments.history(actor, query);
  }

  @Get('statistics')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Payment statistics over a period (staff)' })
  @ApiOkResponse({ type: PaymentStatisticsDto })
  statistics(@Query() query: StatisticsQueryDto): Promise<PaymentStatisticsDto> {
    return this.reports.statistics(query);
  }

  @Get('methods')
  @Authenticated()
  @ApiOperation({ summary: 'My stored payment methods, default first' })
  @ApiOkResponse({ type: PaymentMethodDto, isArray: true })
  listMethods(@CurrentUser() actor: Actor): Promise<PaymentMethodDto[]> {
    return this.methods.listMine(actor);
  }

  @Post('methods')
  @Authenticated()
  @ApiOperation({ summary: 'Store a provider payment method (never card numbers; those are refused)' })
  @ApiCreatedResponse({ type: PaymentMethodDto })
  @ApiProblem(409, 'This method is already stored')
  @ApiProblem(502, 'The payment provider failed')
  addMethod(@CurrentUser() actor: Actor, @Body() body: CreatePaymentMethodDto): Promise<PaymentMethodDto> {
    return this.methods.add(actor, body);
  }

  @Delete('methods/:id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete one of my payment methods' })
  @ApiNoContentResponse({ description: 'Deleted' })
  removeMethod(@CurrentUser() actor: Actor, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.methods.remove(actor, id);
  }

  @Post('methods/:id/default')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Make one of my payment methods the default' })
  @ApiOkResponse({ type: PaymentMethodDto })
  makeDefault(@CurrentUser() actor: Actor, @Param('id', ObjectIdPipe) id: string): Promise<PaymentMethodDto> {
    return this.methods.makeDefault(actor, id);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A payment with its audit trail' })
  @ApiOkResponse({ type: TransactionDto })
  get(@CurrentUser() actor: Actor, @Param('id', ObjectIdPipe) id: string): Promise<TransactionDto> {
    return this.payments.get(actor, id);
  }

  @Post(':id/confirm')
  @Authenticated()
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm a pending payment with a payment method' })
  @ApiOkResponse({ type: TransactionDto })
  @ApiProblem(409, 'The payment is not pending')
  @ApiProblem(502, 'The payment provider failed')
  confirm(
    @CurrentUser() actor: Actor,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ConfirmPaymentDto,
    @Client() client: ClientInfo,
  ): Promise<TransactionDto> {
    return this.payments.confirm(actor, id, body.paymentMethodId, client);
  }

  @Post(':id/refund')
  @Roles('staff', 'admin')
  @Idempotent()
  @ApiOperation({ summary: 'Refund part or all of a payment (staff; payers file a refund request)' })
  @ApiCreatedResponse({ type: TransactionDto, description: 'The refund transaction' })
  @ApiProblem(409, 'Not refundable, or more than what remains')
  @ApiProblem(502, 'The payment provider failed')
  refund(
    @CurrentUser() actor: Actor,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: RefundPaymentDto,
    @Client() client: ClientInfo,
  ): Promise<TransactionDto> {
    return this.payments.refund(actor, id, body, client);
  }

  @Get(':id/invoice')
  @Authenticated()
  @ApiOperation({ summary: 'The invoice of a succeeded payment' })
  @ApiOkResponse({ type: InvoiceDto })
  invoice(@CurrentUser() actor: Actor, @Param('id', ObjectIdPipe) id: string): Promise<InvoiceDto> {
    return this.payments.invoiceOf(actor, id);
  }
}
