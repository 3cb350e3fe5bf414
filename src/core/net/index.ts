// The outbound-call policy: validate a URL where it enters, and send through the public-only agent.
export { forbiddenAddressReason, isPublicAddress } from './forbidden-addresses.js';
export { assertPublicHttpsUrl, isPublicHttpsUrl, outboundUrlProblem, OutboundUrlRefused } from './outbound-url.js';
export { HttpsUrl, IsPublicHttpsUrl, MAX_URL_LENGTH } from './public-https-url.validator.js';
export { createSafeLookup, PublicHttpsAgent, publicHttpsAgent, type Resolver } from './safe-agent.js';
