import { idOf, iso } from '../../core/http/serialize.js';
import type { RefundRequestDto } from './dto/refund-request.dto.js';
import type { RefundRequest } from './schemas/refund-request.schema.js';

export function toRefundRequestDto(request: RefundRequest): RefundRequestDto {
  return {
    id: request._id.toString(),
    userId: request.userId.toString(),
    transactionId: request.transactionId.toString(),
    amount: request.amount,
    currency: request.currency,
    reason: request.reason,
    note: request.note,
    status: request.status,
    reviewedBy: idOf(request.reviewedBy),
    reviewedAt: iso(request.reviewedAt),
    reviewNote: request.reviewNote,
    refundTransactionId: idOf(request.refundTransactionId),
    createdAt: iso(request.createdAt)!,
    updatedAt: iso(request.updatedAt)!,
  };
}
