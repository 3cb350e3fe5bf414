import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
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
import { InvoicesService } from './invoices.service.js';
import { PaymentMethodsService } from './payment-methods.service.js';
import { PaymentsService } from './payments.service.js';
import { CreatePaymentIntent } from './use-cases/create-payment-intent.js';
import { RefundPayment } from './use-cases/refund-payment.js';

const TransactionPage = PageOf(TransactionDto);

/** Seed 004's payment routes. */
@ApiTags('payments')
@Controller('payments')
@UseGuards(CardDataGuard)
export class PaymentsController {
  constructor(
    private readonly createPaymentIntent: CreatePaymentIntent,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundPayment,
    private readonly methods: PaymentMethodsService,
    private readonly invoices: InvoicesService,
    private readonly reports: BillingReportsService,
  ) {}

  @Post('intent')
  @Authenticated()
  @Idempotent()
  @ApiOperation({ summary: 'Create a payment intent (a pending payment); answers the client secret' })
  @ApiCreatedResponse({ type: TransactionDto })
  @ApiProblem(403, 'Only staff may record a payment for another user')
  @ApiProblem(502, 'The payment provider failed')
  createIntent(@Ctx() ctx: RequestContext, @Body() body: CreatePaymentDto): Promise<TransactionDto> {
    return this.createPaymentIntent.execute(ctx, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'My payment history: filter by status, type, date range and amount' })
  @ApiOkResponse({ type: TransactionPage })
  history(@Ctx() ctx: RequestContext, @Query() query: PaymentQueryDto): Promise<Page<TransactionDto>> {
    return this.payments.history(ctx, query);
  }

  @Get('statistics')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Payment statistics over a period (staff)' })
  @ApiOkResponse({ type: PaymentStatisticsDto })
  statistics(@Ctx() ctx: RequestContext, @Query() query: StatisticsQueryDto): Promise<PaymentStatisticsDto> {
    return this.reports.statistics(ctx, query);
  }

  @Get('methods')
  @Authenticated()
  @ApiOperation({ summary: 'My stored payment methods, default first' })
  @ApiOkResponse({ type: PaymentMethodDto, isArray: true })
  listMethods(@Ctx() ctx: RequestContext): Promise<PaymentMethodDto[]> {
    return this.methods.listMine(ctx);
  }

  @Post('methods')
  @Authenticated()
  @ApiOperation({ summary: 'Store a provider payment method (never card numbers; those are refused)' })
  @ApiCreatedResponse({ type: PaymentMethodDto })
  @ApiProblem(409, 'This method is already stored')
  @ApiProblem(502, 'The payment provider failed')
  addMethod(@Ctx() ctx: RequestContext, @Body() body: CreatePaymentMethodDto): Promise<PaymentMethodDto> {
    return this.methods.add(ctx, body);
  }

  @Delete('methods/:id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete one of my payment methods' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, 'No such payment method, or not yours')
  removeMethod(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.methods.remove(ctx, id);
  }

  @Post('methods/:id/default')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Make one of my payment methods the default' })
  @ApiOkResponse({ type: PaymentMethodDto })
  @ApiProblem(404, 'No such payment method, or not yours')
  makeDefault(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<PaymentMethodDto> {
    return this.methods.makeDefault(ctx, id);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A payment with its audit trail' })
  @ApiOkResponse({ type: TransactionDto })
  @ApiProblem(404, 'No such payment, or not yours to see')
  get(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<TransactionDto> {
    return this.payments.get(ctx, id);
  }

  @Post(':id/confirm')
  @Authenticated()
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm a pending payment with a payment method of the payer' })
  @ApiOkResponse({ type: TransactionDto })
  @ApiProblem(404, 'No such payment, or not yours to see')
  @ApiProblem(409, 'The payment is not pending')
  @ApiProblem(502, 'The payment provider failed')
  confirm(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: ConfirmPaymentDto): Promise<TransactionDto> {
    return this.payments.confirm(ctx, id, body.paymentMethodId);
  }

  @Post(':id/refund')
  @Roles('staff', 'admin')
  @Idempotent()
  @ApiOperation({ summary: 'Refund part or all of a payment (staff; payers file a refund request)' })
  @ApiCreatedResponse({ type: TransactionDto, description: 'The refund transaction' })
  @ApiProblem(404, 'No such payment')
  @ApiProblem(409, 'Not refundable, or more than what remains')
  @ApiProblem(502, 'The payment provider failed')
  refund(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string, @Body() body: RefundPaymentDto): Promise<TransactionDto> {
    return this.refunds.execute(ctx, id, body);
  }

  @Get(':id/invoice')
  @Authenticated()
  @ApiOperation({ summary: 'The invoice of a succeeded payment' })
  @ApiOkResponse({ type: InvoiceDto })
  @ApiProblem(404, 'No such payment of yours, or it has no invoice yet')
  invoice(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<InvoiceDto> {
    return this.invoices.forPayment(ctx, id);
  }
}
