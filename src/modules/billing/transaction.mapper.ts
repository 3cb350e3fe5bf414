import type { TransactionDto } from './dto/transaction.dto.js';
import { idOf, iso } from '../../core/http/serialize.js';
import { toChangeDto } from './change.mapper.js';
import { formatMoney } from '../../core/money.js';
import type { Transaction } from './schemas/transaction.schema.js';

export function toTransactionDto(transaction: Transaction, clientSecret?: string): TransactionDto {
  const id = transaction._id.toString();
  return {
    id,
    transactionId: id,
    userId: transaction.userId.toString(),
    type: transaction.type,
    amount: transaction.amount,
    currency: transaction.currency,
    amountFormatted: formatMoney(transaction.amount, transaction.currency),
    status: transaction.status,
    refundedAmount: transaction.refundedAmount ?? 0,
    provider: transaction.provider,
    stripePaymentIntentId: transaction.stripePaymentIntentId,
    clientSecret,
    refundOf: idOf(transaction.refundOf),
    sessionId: idOf(transaction.sessionId),
    description: transaction.description,
    metadata: transaction.metadata,
    billingDetails: transaction.billingDetails,
    failureReason: transaction.failureReason,
    audit: (transaction.audit ?? []).map((change) => ({
      ...toChangeDto(change),
      reason: change.reason,
      ip: change.ip,
      userAgent: change.userAgent,
    })),
    createdAt: iso(transaction.createdAt)!,
    updatedAt: iso(transaction.updatedAt)!,
  };
}
