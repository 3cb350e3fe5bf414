export { EffectsRelay, type EffectHandler } from './effects-relay.js';
export type { EventCatalogue, EventName, EventPayload } from './event-catalogue.js';
export { EventsModule } from './events.module.js';
export { carryEffects, owedEffects, OwedEffect, OwedEffectSchema, type EffectCarrier, type EffectRequest } from './owed-effect.js';
