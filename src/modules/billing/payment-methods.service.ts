import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { trusted, Types, type Model } from 'mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { RequestContext } from '../../core/auth/request-context.js';
import { isObjectId } from '../../core/http/object-id.pipe.js';
import { ValidationProblem } from '../../core/http/problem.js';
import { callerId, ownedOr404 } from './billing-context.js';
import type { CreatePaymentMethodDto, PaymentMethodDto } from './dto/payment-method.dto.js';
import { toPaymentMethodDto } from './payment-method.mapper.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './providers/payment-provider.js';
import { PaymentMethod } from './schemas/payment-method.schema.js';

/** A user's stored ways to pay: provider references only, one of them the default. */
@Injectable()
export class PaymentMethodsService {
  constructor(
    @InjectModel(PaymentMethod.name) private readonly methods: Model<PaymentMethod>,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly policy: PermissionPolicy,
  ) {}

  /** Mine, default first; a user keeps a handful, so the list is bounded rather than paged. */
  async listMine(ctx: RequestContext): Promise<PaymentMethodDto[]> {
    this.policy.require(ctx, 'payment-method.list');
    const items = await this.methods
      .find({ userId: new Types.ObjectId(callerId(ctx)) })
      .sort({ isDefault: -1, createdAt: -1 })
      .limit(100)
      .lean<PaymentMethod[]>();
    return items.map(toPaymentMethodDto);
  }

  /** Stores the provider's reference; what the provider says about it wins over what the client says. */
  async add(ctx: RequestContext, input: CreatePaymentMethodDto): Promise<PaymentMethodDto> {
    this.policy.require(ctx, 'payment-method.add');
    const facts = await this.provider.describeMethod(input.providerMethodId);
    const userId = new Types.ObjectId(callerId(ctx));
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
    if (first || input.setDefault) return this.makeDefault(ctx, created.id as string);
    return toPaymentMethodDto(created.toObject());
  }

  /** One default per user: the others are cleared first, then this one is set. */
  async makeDefault(ctx: RequestContext, id: string): Promise<PaymentMethodDto> {
    const method = await this.load(ctx, id);
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
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const method = await this.load(ctx, id);
    await this.methods.deleteOne({ _id: method._id });
    if (!method.isDefault) return;
    const next = await this.methods.findOne({ userId: method.userId }).sort({ createdAt: -1 }).lean<PaymentMethod>();
    if (next) await this.methods.updateOne({ _id: next._id }, { $set: { isDefault: true } });
  }

  /** The provider id to charge: a stored method of the payer's (not of whoever confirms), or a provider id passed through. */
  async resolveForPayment(payerId: Types.ObjectId, reference: string | undefined): Promise<string | undefined> {
    if (!isObjectId(reference)) return reference;
    const method = await this.methods.findOne({ _id: new Types.ObjectId(reference), userId: payerId }).lean<PaymentMethod>();
    if (!method) throw new ValidationProblem([{ field: 'paymentMethodId', message: 'is not a stored payment method of the payer' }]);
    return method.providerMethodId;
  }

  private async load(ctx: RequestContext, id: string): Promise<PaymentMethod> {
    const method = await this.methods.findById(new Types.ObjectId(id)).lean<PaymentMethod>();
    return ownedOr404(this.policy, ctx, 'payment-method.manage', method, 'payment method');
  }
}
