import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { assertMayAccess } from '../../core/auth/ownership.js';
import type { Actor } from '../../core/auth/roles.js';
import { iso } from '../../core/http/serialize.js';
import type { CreatePaymentMethodDto, PaymentMethodDto } from './dto/payment-method.dto.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './providers/payment-provider.js';
import { PaymentMethod } from './schemas/payment-method.schema.js';

@Injectable()
export class PaymentMethodsService {
  constructor(
    @InjectModel(PaymentMethod.name) private readonly methods: Model<PaymentMethod>,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
  ) {}

  async listMine(actor: Actor): Promise<PaymentMethodDto[]> {
    const items = await this.methods
      .find({ userId: new Types.ObjectId(actor.id) })
      .sort({ isDefault: -1, createdAt: -1 })
      .limit(100)
      .lean<PaymentMethod[]>();
    return items.map(toPaymentMethodDto);
  }

  /** Stores the provider's reference; what the provider says about it wins over what the client says. */
  async add(actor: Actor, input: CreatePaymentMethodDto): Promise<PaymentMethodDto> {
    const facts = await this.provider.describeMethod(input.providerMethodId);
    const userId = new Types.ObjectId(actor.id);
    const first = !(await this.methods.exists({ userId }));
    const created = await this.methods.create({
      userId,
      provider: this.provider.name,
      providerMethodId: input.providerMethodId,
      type: facts?.type ?? input.type ?? 'card',
      brand: facts?.brand ?? input.brand,
      last4: facts?.last4 ?? input.last4,
      expMonth: facts?.expMonth ?? input.expMonth,
      expYear: facts?.expYear ?? input.expYear,
      billingAddress: input.billingAddress,
      isDefault: false,
    });
    if (first || input.setDefault) return this.makeDefault(actor, created.id as string);
    return toPaymentMethodDto(created.toObject());
  }

  /** One default per user: the others are cleared first, then this one is set. */
  async makeDefault(actor: Actor, id: string): Promise<PaymentMethodDto> {
    const method = await this.findFor(actor, id);
    await this.methods.updateMany(
      { userId: method.userId, _id: trusted({ $ne: method._id }), isDefault: true },
      { $set: { isDefault: false } },
    );
    const updated = await this.methods
      .findOneAndUpdate({ _id: method._id }, { $set: { isDefault: true } }, { returnDocument: 'after' })
      .lean<PaymentMethod>();
    return toPaymentMethodDto(updated!);
  }

  /** Removing the default promotes the newest remaining method. */
  async remove(actor: Actor, id: string): Promise<void> {
    const method = await this.findFor(actor, id);
    await this.methods.deleteOne({ _id: method._id });
    if (!method.isDefault) return;
    const next = await this.methods.findOne({ userId: method.userId }).sort({ createdAt: -1 }).lean<PaymentMethod>();
    if (next) await this.methods.updateOne({ _id: next._id }, { $set: { isDefault: true } });
  }

  /** The provider id to charge: a stored method of the payer's, or a provider id passed through. */
  async resolveForPayment(actor: Actor, reference: string | undefined): Promise<string | undefined> {
    if (!reference || !Types.ObjectId.isValid(reference) || reference.length !== 24) return reference;
    return (await this.findFor(actor, reference)).providerMethodId;
  }

  private async findFor(actor: Actor, id: string): Promise<PaymentMethod> {
    const method = await this.methods.findById(new Types.ObjectId(id)).lean<PaymentMethod>();
    if (!method) throw new NotFoundException('No such payment method.');
    assertMayAccess(actor, method.userId);
    return method;
  }
}

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
