import { Logger, type FactoryProvider, type InjectionToken } from '@nestjs/common';

/**
 * Every boundary that crosses the network has one shape: a port (interface + token), a vendor
 * adapter on the vendor's official SDK, an embedded adapter that works offline and deterministically,
 * and this one factory that picks by configuration. Callers inject the token and never know which.
 */
export interface AdapterChoice<Port, Deps extends unknown[]> {
  /** The port's token, e.g. PAYMENT_PROVIDER. */
  port: InjectionToken;
  /** What the port is, in the start-up log line: "payments". */
  name: string;
  inject?: InjectionToken[];
  /** The vendor adapter when the configuration names one, else undefined for the embedded adapter. */
  vendor: (...deps: Deps) => Port | undefined;
  embedded: (...deps: Deps) => Port;
}

export function adapterProvider<Port, Deps extends unknown[]>(choice: AdapterChoice<Port, Deps>): FactoryProvider<Port> {
  return {
    provide: choice.port,
    inject: choice.inject ?? [],
    useFactory: (...deps: unknown[]) => {
      const vendor = choice.vendor(...(deps as Deps));
      new Logger('Adapters').log(`${choice.name}: ${vendor ? 'vendor adapter' : 'embedded adapter (offline, deterministic)'}`);
      return vendor ?? choice.embedded(...(deps as Deps));
    },
  };
}
