import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/roles.js';
import type { ClientInfo } from '../../core/http/client-info.js';
import type { Page } from '../../core/http/pagination.js';
import type { InvoiceDto } from './dto/invoice.dto.js';
import type { CreatePaymentDto, PaymentQueryDto, RefundPaymentDto, TransactionDto } from './dto/transaction.dto.js';
import { InvoicesService } from './invoices.service.js';
import { PaymentMethodsService } from './payment-methods.service.js';
import { RefundsService } from './refunds.service.js';
import { TransactionsService } from './transactions.service.js';

/** Seed 004's payment flow, composed from the billing services so each route is one call. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly transactions: TransactionsService,
    private readonly refunds: RefundsService,
    private readonly methods: PaymentMethodsService,
    private readonly invoices: InvoicesService,
  ) {}

  createIntent(actor: Actor, input: CreatePaymentDto, client: ClientInfo): Promise<TransactionDto> {
    return this.transactions.create(actor, input, client);
  }

  history(actor: Actor, query: PaymentQueryDto): Promise<Page<TransactionDto>> {
    return this.transactions.list(actor, actor.id, query);
  }

  get(actor: Actor, id: string): Promise<TransactionDto> {
    return this.transactions.get(actor, id);
  }

  async confirm(actor: Actor, id: string, paymentMethod: string | undefined, client: ClientInfo): Promise<TransactionDto> {
    return this.transactions.confirm(actor, id, await this.methods.resolveForPayment(actor, paymentMethod), client);
  }

  refund(actor: Actor, id: string, input: RefundPaymentDto, client: ClientInfo): Promise<TransactionDto> {
    return this.refunds.refund(actor, id, input.amount, input.reason, client);
  }

  async invoiceOf(actor: Actor, id: string): Promise<InvoiceDto> {
    return this.invoices.forPayment(await this.transactions.findFor(actor, id));
  }
}
