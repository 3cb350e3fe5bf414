import { iso } from '../../core/http/serialize.js';
import type { PaymentMethodDto } from './dto/payment-method.dto.js';
import type { PaymentMethod } from './schemas/payment-method.schema.js';

export function toPaymentMethodDto(method: PaymentMethod): PaymentMethodDto {
  return {
    id: method._id.toString(),
    userId: method.userId.toString(),
    provider: method.provider,
    providerMethodId: method.providerMethodId,
    type: method.type,
    brand: method.brand,
    last4: method.last4,
    expMonth: method.expMonth,
    expYear: method.expYear,
    billingAddress: method.billingAddress,
    isDefault: method.isDefault,
    createdAt: iso(method.createdAt)!,
    updatedAt: iso(method.updatedAt)!,
  };
}
